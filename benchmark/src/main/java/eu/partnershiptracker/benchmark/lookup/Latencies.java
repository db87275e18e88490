package eu.partnershiptracker.benchmark.lookup;

import java.util.Arrays;
import java.util.Objects;

/** Latency figures of one lookup target, in microseconds, with how many lookups found a state. */
public record Latencies(String target, int lookups, int found, double p50Micros, double p99Micros, double meanMicros,
        double maxMicros) {

    /** From the measured durations in nanoseconds; nearest-rank percentiles. */
    public static Latencies of(final String target, final long[] nanos, final int found) {
        Objects.requireNonNull(target, "target");
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no latencies measured for " + target);
        }
        final long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(target, sorted.length, found, micros(percentile(sorted, 50)), micros(percentile(sorted, 99)),
                Arrays.stream(sorted).average().orElseThrow() / 1e3, micros(sorted[sorted.length - 1]));
    }

    static long percentile(final long[] sorted, final int percent) {
        final int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double micros(final long nanos) {
        return nanos / 1e3;
    }
}
