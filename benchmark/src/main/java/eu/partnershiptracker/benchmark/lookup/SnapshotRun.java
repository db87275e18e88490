package eu.partnershiptracker.benchmark.lookup;

import eu.partnershiptracker.core.fold.PartnershipFold;
import eu.partnershiptracker.core.fold.Timeline;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Times an as-of snapshot of every partnership: a full scan of the timelines store, folding each as of one date. */
public final class SnapshotRun {

    /** Figures over several snapshots: how many partnerships were read and had a state, and the median time. */
    public record Snapshot(LocalDate asOf, long partnerships, long withState, int runs, double medianMillis,
            List<Double> allMillis) {
    }

    private final ReadOnlyKeyValueStore<String, Timeline> timelines;

    public SnapshotRun(final ReadOnlyKeyValueStore<String, Timeline> timelines) {
        this.timelines = Objects.requireNonNull(timelines, "timelines");
    }

    /** @param runs how many snapshots to time; odd, so that the median is one of them */
    public Snapshot measure(final LocalDate asOf, final int runs) {
        Objects.requireNonNull(asOf, "asOf");
        if (runs < 1 || runs % 2 == 0) {
            throw new IllegalArgumentException("runs must be odd and positive: " + runs);
        }
        final double[] millis = new double[runs];
        long partnerships = 0;
        long withState = 0;
        for (int run = 0; run < runs; run++) {
            partnerships = 0;
            withState = 0;
            final long started = System.nanoTime();
            try (KeyValueIterator<String, Timeline> all = timelines.all()) {
                while (all.hasNext()) {
                    final KeyValue<String, Timeline> timeline = all.next();
                    partnerships++;
                    withState += PartnershipFold.stateAsOf(timeline.value, asOf) == null ? 0 : 1;
                }
            }
            millis[run] = (System.nanoTime() - started) / 1e6;
        }
        final double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Snapshot(asOf, partnerships, withState, runs, sorted[runs / 2],
                Arrays.stream(millis).boxed().toList());
    }
}
