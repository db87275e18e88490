package eu.partnershiptracker.producer.publish;

import java.util.Objects;

/**
 * A publish run that could not complete for reasons outside the input: the broker or registry cannot be reached, the
 * registry is not at its URL, the topic holds records it cannot read, the topic is unfit for a log of record, or the
 * transaction failed. The message is meant for the person at the terminal.
 */
public final class PublishException extends Exception {

    /** Whether the same run can succeed later, or only once a setting is fixed. */
    public enum Kind {
        /** Kafka or the registry could not be reached, the topic is unfit, or the transaction failed. */
        FAILED,
        /** No schema registry's Confluent API answers at the registry URL: a setting to fix, not a service to await. */
        WRONG_REGISTRY_URL,
        /**
         * Records on the events topic cannot be read as events, so the run cannot know what is already published:
         * something to repair (a registry that lost its schemas) or to overrule explicitly, not a service to await.
         */
        UNREADABLE_RECORDS
    }

    private final Kind kind;

    public PublishException(final String message) {
        this(Kind.FAILED, message, null);
    }

    public PublishException(final String message, final Throwable cause) {
        this(Kind.FAILED, message, cause);
    }

    public PublishException(final Kind kind, final String message, final Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
