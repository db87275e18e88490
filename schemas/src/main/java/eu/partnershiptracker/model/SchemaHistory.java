package eu.partnershiptracker.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaParseException;

/**
 * Every version of a top-level schema that data may have been written with: the ones kept in schemas/history (shipped
 * in this jar) and the current one. Data that carries no registry id names its writer schema by its 64-bit parsing
 * fingerprint, and a reader resolves that writer schema to the current class, as the registry does for topics.
 */
public final class SchemaHistory {

    private final Schema current;
    private final List<Schema> kept;
    private final Map<Long, Schema> byFingerprint = new HashMap<>();

    private SchemaHistory(final Schema current, final List<Schema> kept) {
        this.current = current;
        this.kept = List.copyOf(kept);
        // Versions that differ only in docs or defaults share a fingerprint and write the same bytes: either reads.
        kept.forEach(schema -> byFingerprint.put(fingerprint(schema), schema));
        byFingerprint.put(fingerprint(current), current);
    }

    /** The kept versions of the schema named like {@code current}, and {@code current} itself. */
    public static SchemaHistory of(final Schema current) {
        Objects.requireNonNull(current, "current");
        final List<Schema> kept = new ArrayList<>();
        for (int version = 1; ; version++) {
            final String resource = resource(current, version);
            try (InputStream in = SchemaHistory.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return new SchemaHistory(current, kept);
                }
                kept.add(new Schema.Parser().parse(in));
            } catch (final IOException | SchemaParseException e) {
                throw new IllegalStateException("cannot read the kept schema " + resource + ": " + e.getMessage(), e);
            }
        }
    }

    /** The fingerprint that names a writer schema: SchemaNormalization's 64-bit parsing fingerprint. */
    public static long fingerprint(final Schema schema) {
        return SchemaNormalization.parsingFingerprint64(Objects.requireNonNull(schema, "schema"));
    }

    /** The schema the generated class reads into. */
    public Schema current() {
        return current;
    }

    /** Kept version {@code version} (schemas/history/NAME/vN.avsc), for data whose layout implies its schema. */
    public Schema version(final int version) {
        if (version < 1 || version > kept.size()) {
            throw new IllegalArgumentException("no kept version " + version + " of " + current.getFullName()
                    + ": schemas/history/" + current.getName() + " keeps v1 to v" + kept.size());
        }
        return kept.get(version - 1);
    }

    /** The current or kept schema with that fingerprint; an unknown one is an error that names it. */
    public Schema withFingerprint(final long fingerprint) {
        final Schema schema = byFingerprint.get(fingerprint);
        if (schema == null) {
            throw new IllegalArgumentException(String.format("unknown writer schema fingerprint %016x for %s: it is"
                    + " neither the current schema nor one of the %d versions kept in schemas/history/%s",
                    fingerprint, current.getFullName(), kept.size(), current.getName()));
        }
        return schema;
    }

    private static String resource(final Schema current, final int version) {
        return "history/" + current.getName() + "/v" + version + ".avsc";
    }
}
