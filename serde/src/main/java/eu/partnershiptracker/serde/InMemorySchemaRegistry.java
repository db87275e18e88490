package eu.partnershiptracker.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * The registry behind {@code mock://scope} URLs: ids and versions as a real registry hands them out (one id per
 * distinct schema, shared across subjects; versions from 1 per subject), and BACKWARD compatibility enforced on
 * registration, the Confluent default. Error codes are Confluent's, so callers cannot tell it from the real thing.
 */
final class InMemorySchemaRegistry implements SchemaRegistry {

    private final String location;
    private final Map<String, List<RegisteredSchema>> versionsBySubject = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<Schema, Integer> idsBySchema = new HashMap<>();

    InMemorySchemaRegistry(final String scope) {
        this.location = "mock://" + Objects.requireNonNull(scope, "scope");
    }

    @Override
    public synchronized int register(final String subject, final Schema schema) {
        final List<RegisteredSchema> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        for (final RegisteredSchema existing : versions) {
            if (existing.schema().equals(schema)) {
                return existing.id();
            }
        }
        if (!versions.isEmpty() && !canRead(schema, versions.get(versions.size() - 1).schema())) {
            throw new RegistryException(location + ": schema being registered is incompatible with an earlier schema"
                    + " for subject '" + subject + "' (BACKWARD)", RegistryException.INCOMPATIBLE);
        }
        // A schema already known under another subject keeps its id, as in Confluent's registry.
        final int id = idsBySchema.computeIfAbsent(schema, known -> schemasById.size() + 1);
        schemasById.putIfAbsent(id, schema);
        versions.add(new RegisteredSchema(subject, id, versions.size() + 1, schema));
        return id;
    }

    @Override
    public synchronized int idOf(final String subject, final Schema schema) {
        return versionsOf(subject).stream()
                .filter(version -> version.schema().equals(schema))
                .findFirst()
                .orElseThrow(() -> new RegistryException(location + ": schema not found under subject '" + subject + "'",
                        RegistryException.SCHEMA_NOT_FOUND))
                .id();
    }

    @Override
    public synchronized Schema schemaById(final int id) {
        final Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new RegistryException(location + ": schema " + id + " not found", RegistryException.SCHEMA_NOT_FOUND);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(final String subject) {
        final List<RegisteredSchema> versions = versionsOf(subject);
        return versions.get(versions.size() - 1);
    }

    @Override
    public synchronized boolean isCompatibleWithLatest(final String subject, final Schema schema) {
        final List<RegisteredSchema> versions = versionsBySubject.getOrDefault(subject, List.of());
        return versions.isEmpty() || canRead(schema, versions.get(versions.size() - 1).schema());
    }

    @Override
    public String location() {
        return location;
    }

    private List<RegisteredSchema> versionsOf(final String subject) {
        final List<RegisteredSchema> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new RegistryException(location + ": subject '" + subject + "' not found",
                    RegistryException.SUBJECT_NOT_FOUND);
        }
        return versions;
    }

    private static boolean canRead(final Schema reader, final Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }
}
