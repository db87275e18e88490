package eu.partnershiptracker.producer.eventfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.partnershiptracker.core.DateClaim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stated orders are checked against the events of the run and resolved before any command sees the events. */
class EventFilesOrdersTest {

    private static final String EVENTS = """
            defaults:
              actor: EU
              source: 003_c9d7a99b29a6c61b.txt
            events:
              - id: eu-md-sdp-signed
                counterpart: MD
                instrument: SDP
                kind: SIGNED
                date: 2024-05
                quote: "Moldova (May 2024)"
              - id: eu-jp-sdp-signed
                counterpart: JP
                instrument: SDP
                kind: SIGNED
                date: "[..2025-08]"
                quote: "Japan (by August 2025)"
              - id: eu-jp-fpa-signed
                counterpart: JP
                instrument: FPA
                kind: SIGNED
                date: 2023
                quote: "Japan FPA (2023)"
            orders:
            """;

    @TempDir
    Path dir;

    private final EventFiles files = new EventFiles(TestReference.reference());

    private List<Path> write(final String orders) throws IOException {
        return List.of(Files.writeString(dir.resolve("events.yaml"), EVENTS + orders));
    }

    @Test
    void theEventsLeaveWithTheBoundsTheirOrdersNarrowThemTo() throws Exception {
        final List<SourcedEvent> events = files.check(write("""
                  - id: md-before-jp
                    quote: "Moldova, Japan"
                    steps: [eu-md-sdp-signed, eu-jp-sdp-signed]
                """));

        assertThat(DateClaim.of(events.get(1).event()).format()).isEqualTo("[2024-05..2025-08]");
        assertThat(events.get(0).event().getOrders()).singleElement()
                .satisfies(order -> assertThat(order.getStated()).isEqualTo("EU:MD SDP SIGNED < EU:JP SDP SIGNED"));
        assertThat(events.get(2).event().getOrders()).isEmpty();
    }

    @Test
    void anOrderOfUnknownOrIncomparableStepsIsAnErrorNamingTheOrder() throws IOException {
        final List<Path> input = write("""
                  - id: mixed
                    quote: "Moldova, Japan"
                    steps: [eu-md-sdp-signed, eu-jp-fpa-signed, eu-xx-sdp-signed]
                  - id: mixed
                    quote: "Moldova, Japan"
                    steps: [eu-md-sdp-signed, eu-jp-sdp-signed]
                """);

        assertThatThrownBy(() -> files.check(input)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).extracting(Problem::message)
                        .containsExactly(
                                "order #1 (line 24, id mixed): field 'steps': 'eu-jp-fpa-signed' is FPA SIGNED but"
                                        + " 'eu-md-sdp-signed' is SDP SIGNED: an order compares one step of"
                                        + " instruments of one type",
                                "order #1 (line 24, id mixed): field 'steps': unknown event 'eu-xx-sdp-signed'",
                                "order #2 (line 27, id mixed): field 'id': duplicate order id 'mixed'"));
    }
}
