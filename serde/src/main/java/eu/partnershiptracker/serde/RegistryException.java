package eu.partnershiptracker.serde;

/**
 * A schema registry refused a request or could not be reached. Carries Confluent's {@code error_code} so that callers
 * can tell "not found" from other failures; the serializers turn it into a Kafka SerializationException.
 */
final class RegistryException extends RuntimeException {

    /** Confluent's code for "subject not found". */
    static final int SUBJECT_NOT_FOUND = 40401;
    /** Confluent's code for "schema not found" (by id, or under a subject). */
    static final int SCHEMA_NOT_FOUND = 40403;
    /** Confluent's code for "schema is incompatible with an earlier schema". */
    static final int INCOMPATIBLE = 409;
    /** Not a registry answer: the registry could not be reached at all. */
    static final int UNREACHABLE = -1;

    private final int errorCode;

    RegistryException(final String message, final int errorCode) {
        super(message);
        this.errorCode = errorCode;
    }

    RegistryException(final String message, final int errorCode, final Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    int errorCode() {
        return errorCode;
    }

    /** True when the registry was unreachable or failed on its side, rather than refusing this request. */
    boolean unavailable() {
        return errorCode == UNREACHABLE || errorCode / 100 == 5 || errorCode / 10_000 == 5;
    }

    /** What a serializer throws for this failure: retriable when the registry is unavailable, poison otherwise. */
    RuntimeException forRecord(final String message) {
        return unavailable()
                ? new SchemaRegistryUnavailableException(message + ": " + getMessage(), this)
                : new org.apache.kafka.common.errors.SerializationException(message + ": " + getMessage(), this);
    }
}
