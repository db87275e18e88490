package eu.partnershiptracker.benchmark.baseline;

/** The summary line of Kafka's ProducerPerformance. */
public record ProducerFigures(long records, int recordBytes, double recordsPerSecond, double megabytesPerSecond,
        double averageLatencyMillis, double maxLatencyMillis, long p50LatencyMillis, long p99LatencyMillis) {
}
