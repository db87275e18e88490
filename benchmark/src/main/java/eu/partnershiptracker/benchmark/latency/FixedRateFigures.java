package eu.partnershiptracker.benchmark.latency;

import eu.partnershiptracker.benchmark.load.PublishFigures;
import java.util.Objects;

/**
 * A phase at a fixed share of the topology's measured capacity: what ran alongside the topology meanwhile (it shares
 * the cores, so it is part of the figure), the rate asked for, what was published, and the change latency while it
 * lasted.
 */
public record FixedRateFigures(String alongside, double shareOfCapacity, double targetEventsPerSecond,
        PublishFigures published, LatencyFigures changeLatency) {

    public FixedRateFigures {
        Objects.requireNonNull(alongside, "alongside");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(changeLatency, "changeLatency");
    }
}
