package eu.partnershiptracker.cluster;

import java.util.Objects;

/** The tracker's topics could not be made ready; {@link #kind()} says whether to blame the network, Kafka or a topic. */
public final class TopicSetupException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** Kafka did not answer in time. */
        UNREACHABLE,
        /** Kafka answered, and refused (no authorisation, invalid settings...). */
        REFUSED,
        /** A topic exists with settings the tracker cannot work with. */
        UNFIT
    }

    private final Kind kind;

    TopicSetupException(final Kind kind, final String message, final Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
