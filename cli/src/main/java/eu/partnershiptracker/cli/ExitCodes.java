package eu.partnershiptracker.cli;

import eu.partnershiptracker.producer.publish.PublishException;
import eu.partnershiptracker.query.client.ApiClient;

/** Exit codes shared by every command, so that scripts can tell bad input from an unreachable cluster. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The input files are invalid; nothing was published. */
    public static final int INVALID_INPUT = 1;
    /**
     * Picocli's own code for a bad command line; also for a registry URL without the Confluent API, which is a setting
     * to fix rather than a service to wait for.
     */
    public static final int USAGE = 2;
    /** Kafka or the registry could not be reached, or refused the work; nothing was published. */
    public static final int UNAVAILABLE = 3;
    /**
     * Records already on the events topic cannot be read, so publish cannot know what is there and published nothing.
     * Waiting does not help (the registry answers, it just lacks the schemas); a person has to repair or overrule.
     */
    public static final int UNREADABLE_TOPIC = 4;

    /** A refused query (4xx) is the caller's mistake; anything else means the tracker is unavailable. */
    static int of(final ApiClient.ApiCallException failure) {
        return failure.isRefusal() ? INVALID_INPUT : UNAVAILABLE;
    }

    /**
     * A registry URL without the Confluent API is a setting to fix, an unreadable topic a log to repair; anything else
     * means something is unavailable.
     */
    static int of(final PublishException failure) {
        return switch (failure.kind()) {
            case WRONG_REGISTRY_URL -> USAGE;
            case UNREADABLE_RECORDS -> UNREADABLE_TOPIC;
            case FAILED -> UNAVAILABLE;
        };
    }

    private ExitCodes() {
    }
}
