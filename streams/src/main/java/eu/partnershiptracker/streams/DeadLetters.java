package eu.partnershiptracker.streams;

/**
 * Headers of dead-letter records: the reason in {@link #REJECTION} and {@link #MESSAGE}, the origin in {@link #TOPIC},
 * {@link #PARTITION} and {@link #OFFSET}. The names are those of Kafka Streams' own dead-letter records (KIP-1034), so a
 * consumer written for those reads these too. The key and value are the original record's.
 */
public final class DeadLetters {

    public static final String MESSAGE = "__streams.errors.message";
    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";
    /** Why the application rejected a well-formed record, as a {@link Rejection} name. */
    public static final String REJECTION = "tracker.rejection";

    /** The reasons the application rejects a record it could read. */
    public enum Rejection {
        /** The value is not a PolicyEvent in the registry's wire format (not Avro, unknown schema id...). */
        UNREADABLE,
        /** The record has no value. */
        NO_VALUE,
        /** The record key is not the event's "ACTOR:COUNTERPART". */
        KEY_MISMATCH,
        /** The eventId was seen before with different content. */
        REUSED_EVENT_ID
    }

    private DeadLetters() {
    }
}
