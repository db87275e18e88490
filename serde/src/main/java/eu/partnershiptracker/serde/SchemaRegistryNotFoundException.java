package eu.partnershiptracker.serde;

import org.apache.kafka.common.KafkaException;

/**
 * No schema registry's Confluent API answers at the configured URL: the registry answered HTTP 404 without one of
 * Confluent's error codes, as a server does for a path it does not serve (typically Apicurio's base URL given without
 * {@code /apis/ccompat/v7}). Not a schema or subject that is missing: those keep Confluent's codes (40401, 40403).
 *
 * <p>A setting to fix, so deliberately neither a {@link org.apache.kafka.common.errors.SerializationException}, which
 * would send every good record to a dead-letter topic, nor a
 * {@link org.apache.kafka.common.errors.RetriableException}, which would retry forever: it stops what meets it, with
 * a message that names the URL and the likely right one.
 */
public final class SchemaRegistryNotFoundException extends KafkaException {

    SchemaRegistryNotFoundException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
