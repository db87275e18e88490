package eu.partnershiptracker.benchmark.baseline;

/** The summary line of Kafka's ConsumerPerformance; the fetch rates leave out the group join (rebalance) time. */
public record ConsumerFigures(long records, double megabytes, double recordsPerSecond, double megabytesPerSecond,
        long rebalanceMillis, long fetchMillis, double fetchRecordsPerSecond, double fetchMegabytesPerSecond) {
}
