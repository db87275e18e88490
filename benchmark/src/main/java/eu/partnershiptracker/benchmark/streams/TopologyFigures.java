package eu.partnershiptracker.benchmark.streams;

import eu.partnershiptracker.benchmark.writes.OutputProfile;
import java.util.Objects;

/**
 * One application's run over a load already on its input topic: records per second from start() (start-up and
 * rebalance included) and from the moment it was RUNNING, and what its producers wrote per input event. When the time
 * limit ran out first, {@code complete} is false and {@code records} counts the records committed by then.
 */
public record TopologyFigures(String application, boolean complete, long records, double seconds,
        double recordsPerSecond, double secondsToRunning, double recordsPerSecondWhileRunning, OutputProfile writes) {

    public TopologyFigures {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(writes, "writes");
    }
}
