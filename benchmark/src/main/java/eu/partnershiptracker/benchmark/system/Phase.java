package eu.partnershiptracker.benchmark.system;

import java.util.Objects;

/**
 * One phase of a run in the order it ran, with its wall time and the one-minute load average at its start and end, so
 * that figures measured under different background load can be told apart.
 */
public record Phase(int order, String name, double seconds, double loadAverageAtStart, double loadAverageAtEnd) {

    public Phase {
        Objects.requireNonNull(name, "name");
    }
}
