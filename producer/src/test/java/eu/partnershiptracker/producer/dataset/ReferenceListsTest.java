package eu.partnershiptracker.producer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.partnershiptracker.core.InstrumentCategories;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.testing.ProjectFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The reference lists of data/reference agree with the Avro enums and with ISO 3166-1, hold every code the record
 * uses, and define what they list.
 */
class ReferenceListsTest {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    @Test
    void instrumentsAreTheAvroSymbolsExceptUnknownInEnumOrder() {
        assertThat(codes("instruments.yaml", "instruments")).containsExactlyElementsOf(symbols(InstrumentType.values()));
    }

    @Test
    void everyTypesCategoryIsTheOneCoreGivesIt() {
        assertThat(entries("instruments.yaml", "instruments")).allSatisfy(type -> assertThat(
                type.path("category").asText()).as(type.path("code").asText() + ": category")
                .isEqualTo(InstrumentCategories.of(InstrumentType.valueOf(type.path("code").asText())).name()));
    }

    @Test
    void everyCounterpartHasAShortNameOrOnePerActor() {
        final List<JsonNode> counterparts = new ArrayList<>(entries("counterparts.yaml", "countries"));
        counterparts.addAll(entries("counterparts.yaml", "organisations"));
        final List<String> actors = Arrays.stream(Actor.values()).map(Enum::name).toList();

        assertThat(counterparts).allSatisfy(counterpart -> {
            final String code = counterpart.path("code").asText();
            if (counterpart.has("shortNames")) {
                actors.forEach(actor -> assertThat(counterpart.path("shortNames").path(actor).asText())
                        .as(code + ": short name for " + actor).isNotBlank());
            } else {
                assertThat(counterpart.path("shortName").asText()).as(code + ": shortName").isNotBlank();
            }
        });
    }

    @Test
    void eventKindsAreTheAvroSymbolsExceptUnknownInEnumOrder() {
        assertThat(codes("event-kinds.yaml", "kinds")).containsExactlyElementsOf(symbols(EventKind.values()));
    }

    @Test
    void actorsAreTheAvroSymbols() {
        assertThat(codes("actors.yaml", "actors"))
                .containsExactlyElementsOf(Arrays.stream(Actor.values()).map(Enum::name).toList());
    }

    @Test
    void everyCountryIsAnIsoCodeOrExplicitlyUserAssigned() {
        assertThat(entries("counterparts.yaml", "countries")).allSatisfy(country -> {
            final String code = country.path("code").asText();
            if (country.path("userAssigned").asBoolean(false)) {
                assertThat(ISO_COUNTRIES).as("user-assigned code " + code + " must not be an assigned ISO code")
                        .doesNotContain(code);
                assertThat(country.path("definition").asText()).as(code + ": who uses it").isNotBlank();
            } else {
                assertThat(ISO_COUNTRIES).as("ISO 3166-1 alpha-2 country codes").contains(code);
            }
            assertThat(country.path("name").asText()).as(code + ": name").isNotBlank();
        });
    }

    @Test
    void australiaIsAuAndTheAfricanUnionIsNot() {
        assertThat(entries("counterparts.yaml", "countries"))
                .anySatisfy(country -> assertThat(country.path("code").asText() + "=" + country.path("name").asText())
                        .isEqualTo("AU=Australia"));
        assertThat(codes("counterparts.yaml", "organisations")).contains("AFRICAN_UNION").doesNotContain("AU");
    }

    @Test
    void noOrganisationCodeShadowsACountry() {
        assertThat(codes("counterparts.yaml", "organisations")).doesNotContainAnyElementsOf(ISO_COUNTRIES)
                .doesNotContainAnyElementsOf(codes("counterparts.yaml", "countries"));
    }

    @Test
    void everyCounterpartTheEventsUseIsListed() {
        final Set<String> used = RecordFiles.allEvents().stream().map(event -> event.event().getCounterpart())
                .collect(Collectors.toCollection(LinkedHashSet::new));

        assertThat(counterparts()).containsAll(used);
    }

    @Test
    void everyCounterpartTheUndatedFactsUseIsListed() {
        final JsonNode undated = RecordFiles.yaml(ProjectFiles.data().resolve("reference").resolve("undated.yaml"));
        final List<String> used = new ArrayList<>();
        for (final String list : List.of("undated", "unrealised")) {
            undated.path(list).forEach(entry -> entry.path("counterparts").forEach(code -> used.add(code.asText())));
        }

        assertThat(used).isNotEmpty();
        assertThat(counterparts()).containsAll(used);
    }

    @Test
    void everyCodedEntryHasAOneLineDefinitionAndSourcedOnesAQuote() {
        final List<JsonNode> defined = new ArrayList<>();
        defined.addAll(entries("actors.yaml", "actors"));
        defined.addAll(entries("instruments.yaml", "instruments"));
        defined.addAll(entries("event-kinds.yaml", "kinds"));
        defined.addAll(entries("counterparts.yaml", "organisations"));

        assertThat(defined).allSatisfy(entry -> {
            final String code = entry.path("code").asText();
            assertThat(entry.path("name").asText()).as(code + ": name").isNotBlank();
            assertThat(entry.path("definition").asText()).as(code + ": definition").isNotBlank().doesNotContain("\n");
            if (entry.has("source")) {
                assertThat(entry.path("quote").asText()).as(code + ": the quote its source defines it by")
                        .isNotBlank();
            }
        });
    }

    private static List<String> symbols(final Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).filter(name -> !name.equals("UNKNOWN")).toList();
    }

    private static Set<String> counterparts() {
        final Set<String> codes = new LinkedHashSet<>(codes("counterparts.yaml", "countries"));
        codes.addAll(codes("counterparts.yaml", "organisations"));
        return codes;
    }

    private static List<String> codes(final String file, final String list) {
        return entries(file, list).stream().map(entry -> entry.path("code").asText()).toList();
    }

    private static List<JsonNode> entries(final String file, final String list) {
        final JsonNode entries = RecordFiles.yaml(ProjectFiles.data().resolve("reference").resolve(file)).path(list);
        assertThat(entries.isArray()).as(file + " has a '" + list + "' list").isTrue();
        return StreamSupport.stream(entries.spliterator(), false).toList();
    }
}
