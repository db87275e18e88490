package eu.partnershiptracker.serde;

/**
 * A schema registry refused a request or could not be reached. Carries Confluent's {@code error_code} so that callers
 * can tell "not found" from other failures; the serdes turn it into one of Kafka's exceptions with
 * {@link #asKafkaException(String)}.
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
    /**
     * Not one of Confluent's codes, whose "not found" codes all have five digits: an HTTP 404 that carries no such code
     * (no body, another server's error, or Apicurio's and Confluent's own {@code "error_code": 404} for an unknown
     * path), so that the Confluent API is not at the URL at all.
     */
    static final int NO_CONFLUENT_API = 404;

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

    /** True when no Confluent API answered at the URL, so that the URL is wrong rather than the request. */
    boolean noConfluentApi() {
        return errorCode == NO_CONFLUENT_API;
    }

    /**
     * What the serdes throw for this failure: a wrong URL stops the caller, an unavailable registry is retriable, and
     * anything else makes the record poison.
     *
     * @param failure what could not be done, e.g. "cannot fetch schema id 7"; a wrong URL leaves it out, since the
     *                record is not at fault and the message already names the request
     */
    RuntimeException asKafkaException(final String failure) {
        if (noConfluentApi()) {
            return new SchemaRegistryNotFoundException(getMessage(), this);
        }
        return unavailable()
                ? new SchemaRegistryUnavailableException(failure + ": " + getMessage(), this)
                : new org.apache.kafka.common.errors.SerializationException(failure + ": " + getMessage(), this);
    }
}
