package eu.partnershiptracker.serde;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Remembers what the registry answered so that steady-state serialisation makes no registry calls: schema to id per
 * subject, id to schema, and the latest version per subject (kept for the life of the serde, Confluent's default).
 * Failures are not cached, so a registry that comes back is used again.
 */
final class CachingSchemaRegistry implements SchemaRegistry {

    private final SchemaRegistry delegate;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, RegisteredSchema> latestBySubject = new ConcurrentHashMap<>();

    CachingSchemaRegistry(final SchemaRegistry delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public int register(final String subject, final Schema schema) {
        return remember(idsOf(subject).computeIfAbsent(schema, s -> delegate.register(subject, s)), schema);
    }

    @Override
    public int idOf(final String subject, final Schema schema) {
        return remember(idsOf(subject).computeIfAbsent(schema, s -> delegate.idOf(subject, s)), schema);
    }

    @Override
    public Schema schemaById(final int id) {
        return schemasById.computeIfAbsent(id, delegate::schemaById);
    }

    @Override
    public RegisteredSchema latest(final String subject) {
        final RegisteredSchema latest = latestBySubject.computeIfAbsent(subject, delegate::latest);
        remember(latest.id(), latest.schema());
        return latest;
    }

    @Override
    public boolean isCompatibleWithLatest(final String subject, final Schema schema) {
        return delegate.isCompatibleWithLatest(subject, schema);
    }

    @Override
    public String location() {
        return delegate.location();
    }

    private Map<Schema, Integer> idsOf(final String subject) {
        return idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    }

    /** A schema this serde wrote with is one it can read without asking the registry. */
    private int remember(final int id, final Schema schema) {
        schemasById.putIfAbsent(id, schema);
        return id;
    }
}
