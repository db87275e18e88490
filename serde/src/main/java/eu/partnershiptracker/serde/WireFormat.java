package eu.partnershiptracker.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the Avro binary encoding of
 * the datum (no container header, no trailing bytes).
 */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    /** Frames {@code datum}, written with {@code schema}, under {@code schemaId}. */
    static byte[] write(final int schemaId, final Schema schema, final Object datum) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(schemaId).array());
        out.writeBytes(encode(schema, datum));
        return out.toByteArray();
    }

    /** Avro binary of {@code datum}; specific records go through their own class's model so logical types convert. */
    static byte[] encode(final Schema schema, final Object datum) {
        final DatumWriter<Object> writer = datum instanceof SpecificRecord
                ? new SpecificDatumWriter<>(schema, SpecificData.getForClass(datum.getClass()))
                : new GenericDatumWriter<>(schema, GenericData.get());
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(datum, encoder);
            encoder.flush();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The schema id of a framed payload, after checking its length and magic byte. */
    static int schemaId(final byte[] payload) {
        if (payload.length < HEADER_LENGTH) {
            throw new SerializationException("payload of " + payload.length + " bytes is too short for the Confluent"
                    + " wire format (magic byte, 4-byte schema id, Avro data)");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format("unknown magic byte 0x%02x (expected 0x00): the payload is"
                    + " not in Confluent Schema Registry wire format", payload[0] & 0xff));
        }
        return ByteBuffer.wrap(payload, 1, Integer.BYTES).getInt();
    }

    /** Decodes the Avro part of a framed payload. */
    static Object read(final byte[] payload, final DatumReader<Object> reader) throws IOException {
        return decode(payload, HEADER_LENGTH, reader);
    }

    /** Decodes the Avro binary that starts at {@code offset}; every byte to the end must belong to the datum. */
    static Object decode(final byte[] bytes, final int offset, final DatumReader<Object> reader) throws IOException {
        final BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, offset, bytes.length - offset, null);
        final Object datum = reader.read(null, decoder);
        if (!decoder.isEnd()) {
            throw new IOException("trailing bytes after the end of the record");
        }
        return datum;
    }
}
