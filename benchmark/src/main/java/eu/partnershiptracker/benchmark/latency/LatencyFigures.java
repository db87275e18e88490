package eu.partnershiptracker.benchmark.latency;

/** Change latencies in milliseconds from publish to the committed change, over {@code changes} changes. */
public record LatencyFigures(long changes, double p50Millis, double p99Millis, double p999Millis, double maxMillis) {
}
