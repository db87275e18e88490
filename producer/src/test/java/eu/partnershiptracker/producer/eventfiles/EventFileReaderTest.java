package eu.partnershiptracker.producer.eventfiles;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.model.CorrectionType;
import eu.partnershiptracker.model.DatePrecision;
import eu.partnershiptracker.model.PolicyEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileReaderTest {

    private static final String GOOD = """
            defaults:
              actor: EU
              source: 003_c9d7a99b29a6c61b.txt
            events:
              - id: eu-jp-sdp-signed
                counterpart: JP
                instrument: SDP
                kind: SIGNED
                date: 2024-11-01
                title: EU-Japan Security and Defence Partnership
                areas: [maritime security, cyber]
                quote: "Japan (November 2024)"
                locator: p. 2
              - id: eu-md-sdp-signed
                counterpart: MD
                instrument: SDP
                kind: SIGNED
                date: 2024-05
                precision: MONTH
                quote: "Moldova (May 2024)"
              - id: eu-md-sdp-signed-fix
                counterpart: MD
                instrument: SDP
                kind: SIGNED
                date: 2024-05-21
                quote: "Moldova (May 2024)"
                corrects: eu-md-sdp-signed
                reason: the day is known
            """;

    @TempDir
    Path dir;

    private final EventFileReader reader = new EventFileReader(TestReference.reference());

    private Path write(final String name, final String yaml) throws IOException {
        final Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void readsEveryFieldWithItsPrecisionAndDefaults() throws IOException {
        final EventFileReader.Result result = reader.read(write("sdp.yaml", GOOD));

        assertThat(result.problems()).isEmpty();
        assertThat(result.events()).hasSize(3);
        final PolicyEvent japan = result.events().get(0).event();
        assertThat(japan.getActor().name()).isEqualTo("EU");
        assertThat(japan.getEventDate().getDate()).isEqualTo(LocalDate.of(2024, 11, 1));
        assertThat(japan.getEventDate().getPrecision()).isEqualTo(DatePrecision.DAY);
        assertThat(japan.getProvenance().getSource()).isEqualTo("003_c9d7a99b29a6c61b.txt");
        assertThat(japan.getProvenance().getLocator()).isEqualTo("p. 2");
        assertThat(japan.getAreas()).containsExactly("maritime security", "cyber");
        assertThat(result.events().get(0).partnershipKey()).isEqualTo("EU:JP");

        final PolicyEvent moldova = result.events().get(1).event();
        assertThat(moldova.getEventDate().getDate()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(moldova.getEventDate().getPrecision()).isEqualTo(DatePrecision.MONTH);

        final PolicyEvent fix = result.events().get(2).event();
        assertThat(fix.getCorrection().getTargetEventId()).isEqualTo("eu-md-sdp-signed");
        assertThat(fix.getCorrection().getType()).isEqualTo(CorrectionType.CORRECTS);
        assertThat(result.events().get(2).location().line()).isEqualTo(21);
    }

    @Test
    void readsYearOnlyDatesWrittenAsNumbers() throws IOException {
        final EventFileReader.Result result = reader.read(write("y.yaml", GOOD.replace("date: 2024-05\n",
                "date: 2010\n").replace("precision: MONTH", "precision: YEAR")));

        assertThat(result.problems()).isEmpty();
        assertThat(result.events().get(1).event().getEventDate().getPrecision()).isEqualTo(DatePrecision.YEAR);
    }

    @Test
    void norwayIsACountryNotABoolean() throws IOException {
        final EventFileReader.Result result = reader.read(write("no.yaml", GOOD.replace("counterpart: JP",
                "counterpart: NO")));

        assertThat(result.problems()).isEmpty();
        assertThat(result.events().get(0).event().getCounterpart()).isEqualTo("NO");
    }

    @Test
    void unknownCounterpartCodeIsNamedWithFileEventAndField() throws IOException {
        final Path file = write("bad.yaml", GOOD.replace("counterpart: JP", "counterpart: XX"));

        assertThat(reader.read(file).problems()).singleElement().hasToString(file
                + ": event #1 (line 5, id eu-jp-sdp-signed): field 'counterpart': unknown counterpart code 'XX'"
                + " (the known codes are in data/reference)");
    }

    @Test
    void anActorIsNeverItsOwnCounterpart() throws IOException {
        final Path file = write("self.yaml", GOOD.replace("counterpart: JP", "counterpart: EU"));

        assertThat(messages(new EventFileReader(TestReference.reference("EU")).read(file))).containsExactly(
                "event #1 (line 5, id eu-jp-sdp-signed): field 'counterpart': the actor EU cannot be its own"
                        + " counterpart");
    }

    @Test
    void unknownInstrumentCodeIsAnError() throws IOException {
        final Path file = write("bad.yaml", GOOD.replace("instrument: SDP\n    kind: SIGNED\n    date: 2024-11-01",
                "instrument: SDPX\n    kind: SIGNED\n    date: 2024-11-01"));

        assertThat(messages(reader.read(file))).containsExactly(
                "event #1 (line 5, id eu-jp-sdp-signed): field 'instrument': unknown instrument code 'SDPX'"
                        + " (the known codes are in data/reference)");
    }

    @Test
    void impossibleDateIsAnError() throws IOException {
        final Path file = write("bad.yaml", GOOD.replace("date: 2024-11-01", "date: 2024-02-30"));

        assertThat(messages(reader.read(file))).containsExactly(
                "event #1 (line 5, id eu-jp-sdp-signed): field 'date': impossible date '2024-02-30'");
    }

    @Test
    void impossibleMonthAndYearAreErrors() throws IOException {
        final Path file = write("bad.yaml", GOOD.replace("date: 2024-11-01", "date: 2024-13")
                .replace("date: 2024-05-21", "date: 20245"));

        assertThat(messages(reader.read(file))).containsExactly(
                "event #1 (line 5, id eu-jp-sdp-signed): field 'date': impossible date '2024-13'",
                "event #3 (line 21, id eu-md-sdp-signed-fix): field 'date': '20245' is not a date:"
                        + " use YYYY, YYYY-MM or YYYY-MM-DD");
    }

    @Test
    void boundsAreReadInEdtfSetNotation() throws IOException {
        final Path file = write("bounds.yaml", GOOD.replace("date: 2024-11-01", "date: \"[2024-07-12..2025-08]\""));

        final PolicyEvent event = reader.read(file).events().get(0).event();

        assertThat(event.getEventDate()).isNull();
        assertThat(DateClaim.stated(event).format()).isEqualTo("[2024-07-12..2025-08]");
    }

    @Test
    void badBoundsAreErrorsNamingTheEventAndItsLine() throws IOException {
        final Path file = write("bad.yaml", GOOD.replace("date: 2024-11-01", "date: \"[2025-09..2025-08]\"")
                .replace("date: 2024-05\n", "date: \"[..]\"\n").replace("date: 2024-05-21", "date: [..2025-08]"));

        assertThat(messages(reader.read(file))).containsExactly(
                "event #1 (line 5, id eu-jp-sdp-signed): field 'date': bounds '[2025-09..2025-08]' are empty: the lower"
                        + " bound is after the upper bound",
                "event #2 (line 14, id eu-md-sdp-signed): field 'date': '[..]' has no bound: give at least one of [A..B]",
                "event #3 (line 21, id eu-md-sdp-signed-fix): field 'date': bounds must be quoted, or YAML reads them"
                        + " as a list: date: \"[..2025-08]\"");
    }

    @Test
    void ordersAreReadWithGroupsAndTheFileDefaultSource() throws IOException {
        final Path file = write("orders.yaml", GOOD + """
                orders:
                  - id: md-before-jp
                    quote: "Moldova, Japan"
                    steps: [[eu-md-sdp-signed, eu-md-sdp-signed-fix], eu-jp-sdp-signed]
                """);

        final EventFileReader.Result result = reader.read(file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.orders()).singleElement().satisfies(order -> {
            assertThat(order.order().source()).isEqualTo("003_c9d7a99b29a6c61b.txt");
            assertThat(order.order().groups()).containsExactly(List.of("eu-md-sdp-signed", "eu-md-sdp-signed-fix"),
                    List.of("eu-jp-sdp-signed"));
            assertThat(order.line()).isEqualTo(30);
        });
    }

    @Test
    void malformedOrdersAreErrorsNamingTheOrderAndItsLine() throws IOException {
        final Path file = write("orders.yaml", GOOD + """
                orders:
                  - id: one-step
                    quote: "Moldova"
                    steps: [eu-md-sdp-signed]
                  - id: twice
                    steps: [eu-md-sdp-signed, eu-md-sdp-signed]
                    quote: "Moldova, Moldova"
                    order: wrong
                """);

        assertThat(messages(reader.read(file))).containsExactly(
                "order #1 (line 30, id one-step): field 'steps': must be a list of at least two steps, each an event"
                        + " id or a list of event ids",
                "order #2 (line 33, id twice): field 'order': unknown field (known fields: [id, locator, quote, source,"
                        + " steps])");
    }

    @Test
    void precisionThatDoesNotMatchTheDateIsAnError() throws IOException {
        final Path file = write("bad.yaml", GOOD.replace("date: 2024-05\n", "date: 2024-05-01\n"));

        assertThat(messages(reader.read(file))).containsExactly(
                "event #2 (line 14, id eu-md-sdp-signed): field 'precision': precision MONTH does not match the"
                        + " date '2024-05-01', which is given to the day");
    }

    @Test
    void missingProvenanceIsAnError() throws IOException {
        final Path file = write("bad.yaml", GOOD.replace("    quote: \"Japan (November 2024)\"\n", "")
                .replace("  source: 003_c9d7a99b29a6c61b.txt\n", ""));

        assertThat(messages(reader.read(file))).contains(
                "event #1 (line 4, id eu-jp-sdp-signed): field 'source': missing provenance: every event needs"
                        + " a 'source' and a verbatim 'quote'",
                "event #1 (line 4, id eu-jp-sdp-signed): field 'quote': missing provenance: every event needs"
                        + " a 'source' and a verbatim 'quote'");
    }

    @Test
    void unknownFieldIsAnErrorNotASilentDrop() throws IOException {
        final Path file = write("bad.yaml", GOOD.replace("locator: p. 2", "locaton: p. 2"));

        assertThat(messages(reader.read(file))).containsExactly(
                "event #1 (line 5, id eu-jp-sdp-signed): field 'locaton': unknown field (known fields: see"
                        + " docs/EVENT-FILES.md)");
    }

    @Test
    void malformedYamlNamesTheLine() throws IOException {
        final Path file = write("bad.yaml", GOOD.replace("areas: [maritime security, cyber]",
                "areas: [maritime security, cyber"));

        final EventFileReader.Result result = reader.read(file);

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(file);
            assertThat(problem.message()).startsWith("line ").contains("malformed YAML");
        });
    }

    @Test
    void duplicateKeysInOneEventAreMalformed() throws IOException {
        final Path file = write("bad.yaml", GOOD.replace("    kind: SIGNED\n    date: 2024-11-01",
                "    kind: SIGNED\n    kind: LAUNCHED\n    date: 2024-11-01"));

        assertThat(reader.read(file).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("malformed YAML").contains("kind"));
    }

    @Test
    void readsADirectoryInPathOrder() throws IOException {
        write("b.yaml", GOOD.replace("eu-", "b-"));
        write("a.yml", GOOD);
        write("notes.txt", "not an event file");

        final EventFileReader.Result result = reader.read(dir);

        assertThat(result.problems()).isEmpty();
        assertThat(result.events()).extracting(e -> e.event().getEventId()).first().isEqualTo("eu-jp-sdp-signed");
        assertThat(result.events()).hasSize(6);
    }

    @Test
    void missingFileIsAnError() {
        assertThat(reader.read(dir.resolve("nope.yaml")).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no such file"));
    }

    private static java.util.List<String> messages(final EventFileReader.Result result) {
        return result.problems().stream().map(Problem::toString)
                .map(s -> s.substring(s.indexOf(": ") + 2)).toList();
    }
}
