package eu.partnershiptracker.benchmark.load;

/** How the load went out: records, wall time, and the average size of a serialised value (Confluent wire format). */
public record PublishFigures(long records, double seconds, double recordsPerSecond, double averageValueBytes) {
}
