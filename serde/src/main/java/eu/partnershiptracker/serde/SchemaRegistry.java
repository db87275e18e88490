package eu.partnershiptracker.serde;

import org.apache.avro.Schema;

/**
 * The slice of the Confluent Schema Registry API that the serdes use. Failures are {@link RegistryException}s whose
 * message names the registry.
 */
interface SchemaRegistry {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its id. */
    int register(String subject, Schema schema);

    /** Returns the id of {@code schema} if it is already registered under {@code subject}. */
    int idOf(String subject, Schema schema);

    /** Returns the schema with the given id. */
    Schema schemaById(int id);

    /** Returns the latest version registered under {@code subject}. */
    RegisteredSchema latest(String subject);

    /** Tells whether {@code schema} could be registered as the next version of {@code subject}. */
    boolean isCompatibleWithLatest(String subject, Schema schema);

    /** Where the registry lives, for error messages: the URL(s) or {@code mock://scope}. */
    String location();
}
