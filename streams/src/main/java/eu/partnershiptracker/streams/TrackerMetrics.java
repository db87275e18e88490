package eu.partnershiptracker.streams;

/**
 * Names of the application's own Kafka Streams metrics, for the metrics layer (Micrometer's KafkaStreamsMetrics binds
 * every metric of KafkaStreams#metrics()). They live in group {@link #GROUP}, tagged with thread-id and the task (one
 * series per task: sum them).
 */
public final class TrackerMetrics {

    static final String SCOPE = "partnership-tracker";
    public static final String GROUP = "stream-" + SCOPE + "-metrics";
    static final String REJECTED = "rejected-records";
    static final String DUPLICATE = "duplicate-records";
    /** Records sent to the dead-letter topic, poison and rejected alike (see DeadLetters.Rejection). */
    public static final String REJECTED_TOTAL = REJECTED + "-total";
    /** Re-published events (same eventId and content) that changed nothing. */
    public static final String DUPLICATE_TOTAL = DUPLICATE + "-total";

    private TrackerMetrics() {
    }
}
