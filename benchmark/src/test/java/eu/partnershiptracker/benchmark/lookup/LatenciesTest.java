package eu.partnershiptracker.benchmark.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles over the measured durations, whatever their order. */
class LatenciesTest {

    @Test
    void percentilesAreNearestRank() {
        final long[] nanos = LongStream.rangeClosed(1, 200).map(i -> (201 - i) * 1000).toArray();

        final Latencies latencies = Latencies.of("in-process", nanos, 7);

        assertThat(latencies.p50Micros()).isEqualTo(100.0);
        assertThat(latencies.p99Micros()).isEqualTo(198.0);
        assertThat(latencies.maxMicros()).isEqualTo(200.0);
        assertThat(latencies.meanMicros()).isEqualTo(100.5);
        assertThat(latencies.lookups()).isEqualTo(200);
        assertThat(latencies.found()).isEqualTo(7);
    }

    @Test
    void oneMeasurementIsEveryPercentile() {
        final Latencies latencies = Latencies.of("http", new long[] {5000}, 1);

        assertThat(latencies.p50Micros()).isEqualTo(5.0);
        assertThat(latencies.p99Micros()).isEqualTo(5.0);
    }

    @Test
    void noMeasurementIsAnError() {
        assertThatThrownBy(() -> Latencies.of("http", new long[0], 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
