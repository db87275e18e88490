package eu.partnershiptracker.benchmark.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures are read from the lines Kafka 4.3's perf tools print, progress and log lines around them. */
class PerfToolOutputTest {

    @Test
    void theProducerSummaryIsTheLineWithPercentilesNotTheProgressLines() {
        final List<String> lines = List.of(
                "498305 records sent, 99641.0 records/sec (21.38 MB/sec), 210.4 ms avg latency, 702.0 ms max latency.",
                "1000000 records sent, 120481.927711 records/sec (25.85 MB/sec), 180.12 ms avg latency, 702.00 ms max "
                        + "latency, 150 ms 50th, 420 ms 95th, 610 ms 99th, 690 ms 99.9th.");

        final ProducerFigures figures = PerfToolOutput.producer(lines, 225);

        assertThat(figures).isEqualTo(new ProducerFigures(1_000_000, 225, 120481.927711, 25.85, 180.12, 702.0, 150,
                610));
    }

    @Test
    void noProducerSummaryIsAnError() {
        assertThatThrownBy(() -> PerfToolOutput.producer(List.of("Exception in thread main"), 225))
                .hasMessageContaining("no ProducerPerformance summary")
                .hasMessageContaining("Exception in thread main");
    }

    @Test
    void theConsumerFiguresFollowTheirHeader() {
        final List<String> lines = List.of(
                "03:06:21.001 WARN  some client warning, with commas, 1, 2",
                "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, "
                        + "rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec",
                "2026-11-22 03:06:17:512, 2026-11-22 03:06:21:849, 214.5767, 49.4758, 1000000, 230574.1296, 1681, "
                        + "2656, 80.7894, 376506.0241");

        final ConsumerFigures figures = PerfToolOutput.consumer(lines);

        assertThat(figures).isEqualTo(new ConsumerFigures(1_000_000, 214.5767, 230574.1296, 49.4758, 1681, 2656,
                376506.0241, 80.7894));
    }

    @Test
    void noConsumerFiguresIsAnError() {
        assertThatThrownBy(() -> PerfToolOutput.consumer(List.of("start.time, end.time, data.consumed.in.MB, ...")))
                .hasMessageContaining("no ConsumerPerformance figures");
    }
}
