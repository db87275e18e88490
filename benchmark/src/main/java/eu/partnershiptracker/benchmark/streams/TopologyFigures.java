package eu.partnershiptracker.benchmark.streams;

import eu.partnershiptracker.benchmark.writes.OutputProfile;
import java.util.Map;
import java.util.Objects;

/**
 * One application's run over a load already on its input topic: records per second from start() (start-up and
 * rebalance included) and from the moment it was RUNNING, and what its producers wrote per input event. When the time
 * limit ran out first, {@code complete} is false and {@code records} counts the records committed by then.
 * {@code producerRecordsSent} is the producers' own record-send-total per topic, beside the counted {@code writes}
 * as a check (their byte-total counts compressed batches, so the bytes come from the counter alone).
 */
public record TopologyFigures(String application, boolean complete, long records, double seconds,
        double recordsPerSecond, double secondsToRunning, double recordsPerSecondWhileRunning, OutputProfile writes,
        Map<String, Double> producerRecordsSent) {

    public TopologyFigures {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(writes, "writes");
        producerRecordsSent = Map.copyOf(producerRecordsSent);
    }
}
