package eu.partnershiptracker.serde;

import java.util.Objects;
import org.apache.avro.Schema;

/** One version of a subject as the registry knows it. */
record RegisteredSchema(String subject, int id, int version, Schema schema) {

    RegisteredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
