package eu.partnershiptracker.streams;

import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.model.SchemaHistory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * PolicyEvents as an application built against PolicyEvent v1 (schemas/history/PolicyEvent/v1.avsc) held and wrote
 * them: GenericRecords of the v1 schema, so that tests can make the bytes of before the upgrade.
 */
final class PolicyEventsV1 {

    static final Schema SCHEMA = SchemaHistory.of(PolicyEvent.getClassSchema()).version(1);

    private PolicyEventsV1() {
    }

    /** The event as a v1 record; it must say only what v1 could say (an exact date, no bounds, no names). */
    static GenericRecord of(final PolicyEvent event) {
        Objects.requireNonNull(event, "event");
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new SpecificDatumWriter<>(PolicyEvent.class).write(event, encoder);
            encoder.flush();
            return new GenericDatumReader<GenericRecord>(PolicyEvent.getClassSchema(), SCHEMA, GenericData.get())
                    .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the event's v1 encoding. */
    static void write(final PolicyEvent event, final Encoder encoder) throws IOException {
        new GenericDatumWriter<GenericRecord>(SCHEMA, GenericData.get()).write(of(event), encoder);
    }
}
