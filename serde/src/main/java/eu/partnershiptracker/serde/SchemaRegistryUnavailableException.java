package eu.partnershiptracker.serde;

import org.apache.kafka.common.errors.RetriableException;

/**
 * The schema registry could not be reached, or failed on its side (HTTP 5xx), so a record could not be written or read.
 *
 * <p>Deliberately not a {@link org.apache.kafka.common.errors.SerializationException}: the record is not at fault, and
 * code that routes unreadable records to a dead-letter topic must not route perfectly good ones there during an outage.
 * Retrying later is the right response.
 */
public final class SchemaRegistryUnavailableException extends RetriableException {

    SchemaRegistryUnavailableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
