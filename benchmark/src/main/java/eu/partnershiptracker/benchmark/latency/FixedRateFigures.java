package eu.partnershiptracker.benchmark.latency;

import eu.partnershiptracker.benchmark.load.PublishFigures;
import java.util.Objects;

/**
 * A phase at a fixed share of the topology's measured capacity: the rate asked for, what was published, and the
 * change latency while it lasted.
 */
public record FixedRateFigures(double shareOfCapacity, double targetEventsPerSecond, PublishFigures published,
        LatencyFigures changeLatency) {

    public FixedRateFigures {
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(changeLatency, "changeLatency");
    }
}
