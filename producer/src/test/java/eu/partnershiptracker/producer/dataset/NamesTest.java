package eu.partnershiptracker.producer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.producer.eventfiles.ReferenceData;
import eu.partnershiptracker.producer.eventfiles.SourcedEvent;
import eu.partnershiptracker.testing.ProjectFiles;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The record's events carry the names of the reference lists: counterparts by the short form an analyst writes,
 * instruments by one name each whatever their events are titled, and no instrument typed OTHER without a reason.
 */
class NamesTest {

    private static final ReferenceData REFERENCE = ReferenceData.bundled();

    @Test
    void everyEventCarriesItsCounterpartsAndItsInstrumentsName() {
        assertThat(RecordFiles.allEvents()).allSatisfy(sourced -> {
            final PolicyEvent event = sourced.event();
            assertThat(event.getCounterpartName()).as(event.getEventId()).isNotBlank();
            assertThat(event.getInstrumentName()).as(event.getEventId()).isNotBlank()
                    .isNotEqualTo(event.getInstrumentKey());
        });
    }

    @Test
    void countriesAreNamedAsAnAnalystWritesThem() {
        assertThat(REFERENCE.counterpartName("EU", "KR")).isEqualTo("South Korea");
        assertThat(REFERENCE.counterpartName("EU", "MD")).isEqualTo("Moldova");
        assertThat(REFERENCE.counterpartName("EU", "VN")).isEqualTo("Vietnam");
        assertThat(REFERENCE.counterpartName("EU", "TR")).isEqualTo("Türkiye");
    }

    @Test
    void eachActorsPartnersAreToldApartByName() {
        assertThat(REFERENCE.counterpartName("EU", "PARTNERS")).isEqualTo("EU partners");
        assertThat(REFERENCE.counterpartName("NATO", "PARTNERS")).isEqualTo("NATO partners");
    }

    @Test
    void anInstrumentKeepsOneNameThoughItsEventsAreTitledApart() {
        final Map<String, Set<String>> namesByInstrument = RecordFiles.allEvents().stream()
                .map(sourced -> sourced.event())
                .collect(Collectors.groupingBy(event -> PartnershipKey.of(event) + " " + event.getInstrument() + " "
                        + event.getInstrumentKey(), Collectors.mapping(PolicyEvent::getInstrumentName,
                        Collectors.toSet())));

        assertThat(namesByInstrument).allSatisfy((instrument, names) -> assertThat(names).as(instrument).hasSize(1));
        assertThat(namesByInstrument.get("EU:NATO MEETING_FORMAT high-level-meetings"))
                .containsExactly("EU-NATO high-level meetings (NAC-PSC, ministers)");
    }

    @Test
    void onlyTheBrexitPartnershipOfferIsTypedOtherAndSaysWhy() {
        // The validator lets OTHER through only with a typeReason (a missing one fails reading the files); every other
        // instrument has a type that fits. The seed names what the UK turned down only as "a partnership".
        final List<PolicyEvent> other = RecordFiles.allEvents().stream().map(SourcedEvent::event)
                .filter(event -> event.getInstrument() == InstrumentType.OTHER).toList();

        assertThat(other).extracting(PolicyEvent::getInstrumentKey).containsOnly("brexit-partnership-offer");
    }

    @Test
    void everyNamedInstrumentHasAKnownTypeAndPartnership() {
        final JsonNode names = RecordFiles.yaml(ProjectFiles.data().resolve("reference")
                .resolve("instrument-names.yaml")).path("names");
        final Set<String> actors = Arrays.stream(Actor.values()).map(Enum::name).collect(Collectors.toSet());
        final List<JsonNode> entries = StreamSupport.stream(names.spliterator(), false).toList();

        assertThat(entries).isNotEmpty().allSatisfy(entry -> {
            assertThat(REFERENCE.instruments()).as(entry.toString()).contains(entry.path("instrument").asText());
            assertThat(entry.path("name").asText()).as(entry.toString()).isNotBlank();
            if (entry.has("partnership")) {
                final String[] parts = entry.path("partnership").asText().split(":", -1);
                assertThat(parts).as(entry.toString()).hasSize(2);
                assertThat(actors).as(entry.toString()).contains(parts[0]);
                assertThat(REFERENCE.counterparts()).as(entry.toString()).contains(parts[1]);
            }
        });
    }
}
