package eu.partnershiptracker.benchmark.lookup;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Timed snapshots of every partnership as of one date: how many partnerships the answer listed (in-process) or how
 * many bytes it had (over HTTP), and the median of the runs.
 */
public record SnapshotTimes(String target, LocalDate asOf, long partnerships, long bytes, int runs,
        double medianMillis, List<Double> allMillis) {

    public SnapshotTimes {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(asOf, "asOf");
        allMillis = List.copyOf(allMillis);
    }

    /** From the times of an odd number of runs, so that the median is one of them. */
    public static SnapshotTimes of(final String target, final LocalDate asOf, final long partnerships,
            final long bytes, final double[] millis) {
        if (millis.length == 0 || millis.length % 2 == 0) {
            throw new IllegalArgumentException("runs must be odd and positive: " + millis.length);
        }
        final double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new SnapshotTimes(target, asOf, partnerships, bytes, millis.length, sorted[millis.length / 2],
                Arrays.stream(millis).boxed().toList());
    }
}
