package eu.partnershiptracker.producer.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.model.Correction;
import eu.partnershiptracker.model.CorrectionType;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.producer.eventfiles.EventFileReader;
import eu.partnershiptracker.producer.eventfiles.EventFiles;
import eu.partnershiptracker.producer.eventfiles.EventLocation;
import eu.partnershiptracker.producer.eventfiles.EventSetValidator;
import eu.partnershiptracker.producer.eventfiles.ReferenceData;
import eu.partnershiptracker.producer.eventfiles.SourcedEvent;
import eu.partnershiptracker.producer.eventfiles.ValidationException;
import eu.partnershiptracker.testing.ProjectFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event file of the curated record passes the producer's validator, alone and together with all the others. */
class EventFilesTest {

    static List<Path> eventFiles() {
        return RecordFiles.eventFiles();
    }

    @Test
    void theRecordHasEventFiles() {
        assertThat(eventFiles()).hasSizeGreaterThanOrEqualTo(11);
    }

    @ParameterizedTest
    @MethodSource("eventFiles")
    void eachFileReadsWithoutProblems(final Path file) {
        final EventFileReader.Result result = new EventFileReader(ReferenceData.bundled()).read(file);

        assertThat(result.problems()).as(file + ": problems").isEmpty();
        assertThat(result.events()).as(file + ": events").isNotEmpty();
    }

    @Test
    void theWholeRecordPassesTheOfflineChecks() {
        final List<SourcedEvent> events = RecordFiles.allEvents();

        assertThatCode(() -> new EventSetValidator().checkOffline(events)).doesNotThrowAnyException();
    }

    @Test
    void seed003sOrdersNarrowTheUndatedSdpsAndReportWhereTheyContradict() throws ValidationException {
        final Map<String, PolicyEvent> events = EventFiles.bundled().check(List.of(ProjectFiles.events())).stream()
                .map(SourcedEvent::event).collect(Collectors.toMap(PolicyEvent::getEventId, Function.identity()));

        assertThat(DateClaim.of(events.get("eu-gb-sdp-signed")).format()).isEqualTo("[2024-07-12..2025-08]");
        assertThat(DateClaim.of(events.get("eu-ca-sdp-signed")).format()).isEqualTo("[2024-07-12..2025-08]");
        assertThat(DateClaim.of(events.get("eu-jp-sdp-signed")).format()).isEqualTo("[2024-07-12..2025-08]");
        assertThat(events.get("eu-no-sdp-signed").getOrders()).filteredOn(order -> order.getOrderId()
                .equals("sdp-signed-by-date-of-signature")).singleElement()
                .satisfies(order -> assertThat(order.getContradictions()).singleElement().asString()
                        .contains("EU:MD SDP SIGNED 2024-05"));
        assertThat(events.get("eu-ca-sdp-signed").getOrders()).allSatisfy(order -> assertThat(order
                .getContradictions()).singleElement().asString().contains("EU:GB SDP SIGNED"));
    }

    @Test
    void everyIdIsUsedOnce() {
        final Map<String, Long> uses = RecordFiles.allEvents().stream()
                .collect(Collectors.groupingBy(event -> event.event().getEventId(), Collectors.counting()));

        assertThat(uses).allSatisfy((id, count) -> assertThat(count).as(id).isOne());
    }

    /**
     * The record's own corrections are checked with the rest by {@link #theWholeRecordPassesTheOfflineChecks}; this
     * shows that the check has teeth on the record: a correction of a curated event is accepted from its own
     * partnership and refused from any other.
     */
    @Test
    void aCorrectionOfACuratedEventMustComeFromItsPartnership() {
        final List<SourcedEvent> record = RecordFiles.allEvents();
        final PolicyEvent target = record.get(0).event();
        final PolicyEvent sameFix = correction(target, "curated-fix-same", target.getCounterpart());
        final String elsewhere = record.stream().map(event -> event.event().getCounterpart())
                .filter(counterpart -> !counterpart.equals(target.getCounterpart())).findFirst().orElseThrow();
        final PolicyEvent strayFix = correction(target, "curated-fix-stray", elsewhere);

        assertThatCode(() -> new EventSetValidator().checkOffline(with(record, sameFix)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new EventSetValidator().checkOffline(with(record, strayFix)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("curated-fix-stray")
                .hasMessageContaining("event '" + target.getEventId() + "' belongs to partnership "
                        + PartnershipKey.of(target));
    }

    private static PolicyEvent correction(final PolicyEvent target, final String id, final String counterpart) {
        return PolicyEvent.newBuilder(target).setEventId(id).setCounterpart(counterpart)
                .setCorrection(new Correction(target.getEventId(), CorrectionType.CORRECTS, "a test correction"))
                .build();
    }

    private static List<SourcedEvent> with(final List<SourcedEvent> record, final PolicyEvent correction) {
        final List<SourcedEvent> events = new ArrayList<>(record);
        events.add(new SourcedEvent(correction, new EventLocation(Path.of("corrections.yaml"), 1, 1,
                correction.getEventId())));
        return events;
    }
}
