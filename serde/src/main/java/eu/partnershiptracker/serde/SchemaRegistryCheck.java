package eu.partnershiptracker.serde;

import java.util.Map;
import java.util.Objects;

/**
 * Asks the registry of a serde configuration one question before any record depends on it: is its Confluent API at
 * this URL? A command can then refuse a wrong URL at once, before it creates topics or reads records, instead of
 * meeting it in the middle of its work.
 */
public final class SchemaRegistryCheck {

    private SchemaRegistryCheck() {
    }

    /**
     * Looks up the latest schema of {@code topic}'s values, which any Confluent API answers, with the schema or with
     * "subject not found".
     *
     * @param serdeConfig the configuration the serdes get, e.g. from {@link AvroSerdeConfig#forRegistry}
     * @throws SchemaRegistryNotFoundException    when no Confluent API answers at the URL
     * @throws SchemaRegistryUnavailableException when the registry cannot be reached or fails on its side
     */
    public static void requireConfluentApi(final Map<String, ?> serdeConfig, final String topic) {
        Objects.requireNonNull(topic, "topic");
        final SchemaRegistry registry = new AvroSerdeConfig(Objects.requireNonNull(serdeConfig, "serdeConfig"))
                .registry();
        try {
            registry.latest(TopicNameStrategy.subject(topic, false));
        } catch (final RegistryException e) {
            if (e.noConfluentApi() || e.unavailable()) {
                throw e.asKafkaException("cannot check the schema registry");
            }
            // Any other answer (a subject not registered yet, refused credentials) is not about the URL; the
            // requests that need what was refused report it.
        }
    }
}
