package eu.partnershiptracker.streams;

import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.model.SchemaHistory;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;

/**
 * How this application's private stores write PolicyEvents: plain Avro binary, no registry, preceded by the parsing
 * fingerprint of the schema that wrote them (see {@link SchemaHistory}), and read by resolving that schema to the
 * current PolicyEvent class, so that a store written before PolicyEvent last changed still reads without a reset. An
 * unknown fingerprint fails loudly instead of misreading.
 */
final class StoredEvents {

    static final SchemaHistory SCHEMAS = SchemaHistory.of(PolicyEvent.getClassSchema());
    static final long CURRENT_FINGERPRINT = SchemaHistory.fingerprint(PolicyEvent.getClassSchema());

    private final DatumWriter<PolicyEvent> writer = new SpecificDatumWriter<>(PolicyEvent.class);
    private final Map<Long, DatumReader<PolicyEvent>> readersByFingerprint = new ConcurrentHashMap<>();

    /** Writes the event alone, in the current schema; the caller writes {@link #CURRENT_FINGERPRINT} before it. */
    void write(final PolicyEvent event, final BinaryEncoder encoder) throws IOException {
        writer.write(event, encoder);
    }

    /** Reads one event written by the schema with this fingerprint. */
    PolicyEvent read(final long writerFingerprint, final BinaryDecoder decoder) throws IOException {
        return reader(writerFingerprint).read(null, decoder);
    }

    private DatumReader<PolicyEvent> reader(final long writerFingerprint) {
        return readersByFingerprint.computeIfAbsent(writerFingerprint, fingerprint -> {
            final Schema writerSchema;
            try {
                writerSchema = SCHEMAS.withFingerprint(fingerprint);
            } catch (final IllegalArgumentException e) {
                throw new SerializationException("cannot read stored events: " + e.getMessage(), e);
            }
            return new SpecificDatumReader<>(writerSchema, PolicyEvent.getClassSchema());
        });
    }
}
