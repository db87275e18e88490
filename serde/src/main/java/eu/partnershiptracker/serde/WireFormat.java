package eu.partnershiptracker.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
 *
 * <p>Writing is on every record's path, so nothing per record is built that can be kept: one datum writer per schema
 * and record class (datum writers hold no per-write state, so threads share them), and per thread one buffer and one
 * encoder that header and body are written into before the single copy out. Serializers are shared by the tasks of
 * all stream threads, hence per thread and not per serializer.
 */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_LENGTH = 5;

    private static final ConcurrentMap<WriterKey, DatumWriter<Object>> WRITERS = new ConcurrentHashMap<>();
    private static final ThreadLocal<FrameBuffer> BUFFERS = ThreadLocal.withInitial(FrameBuffer::new);
    private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();

    private WireFormat() {
    }

    /** Frames {@code datum}, written with {@code schema}, under {@code schemaId}. */
    static byte[] write(final int schemaId, final Schema schema, final Object datum) {
        return BUFFERS.get().frame(schemaId, writerFor(schema, datum), datum);
    }

    /** Avro binary of {@code datum}; specific records go through their own class's model so logical types convert. */
    static byte[] encode(final Schema schema, final Object datum) {
        return BUFFERS.get().encode(writerFor(schema, datum), datum);
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
        // The thread's decoder is re-pointed at these bytes rather than allocated anew.
        final BinaryDecoder decoder =
                DecoderFactory.get().binaryDecoder(bytes, offset, bytes.length - offset, DECODERS.get());
        DECODERS.set(decoder);
        final Object datum = reader.read(null, decoder);
        if (!decoder.isEnd()) {
            throw new IOException("trailing bytes after the end of the record");
        }
        return datum;
    }

    /** Finding a specific record's model is reflection, so it is done once per class and schema. */
    private static DatumWriter<Object> writerFor(final Schema schema, final Object datum) {
        Objects.requireNonNull(schema, "schema");
        return WRITERS.computeIfAbsent(new WriterKey(schema, datum.getClass()), key ->
                SpecificRecord.class.isAssignableFrom(key.type())
                        ? new SpecificDatumWriter<>(key.schema(), SpecificData.getForClass(key.type()))
                        : new GenericDatumWriter<>(key.schema(), GenericData.get()));
    }

    private record WriterKey(Schema schema, Class<?> type) {
    }

    /** One thread's growable output: the header, then the Avro body through a buffered encoder, then one copy out. */
    private static final class FrameBuffer {

        private final GrowableOutput out = new GrowableOutput();
        private BinaryEncoder encoder;

        byte[] frame(final int schemaId, final DatumWriter<Object> writer, final Object datum) {
            out.reset();
            out.write(MAGIC_BYTE);
            out.write(schemaId >>> 24);
            out.write(schemaId >>> 16);
            out.write(schemaId >>> 8);
            out.write(schemaId);
            writeBody(writer, datum);
            return out.takeBytes();
        }

        byte[] encode(final DatumWriter<Object> writer, final Object datum) {
            out.reset();
            writeBody(writer, datum);
            return out.takeBytes();
        }

        private void writeBody(final DatumWriter<Object> writer, final Object datum) {
            encoder = EncoderFactory.get().binaryEncoder(out, encoder);
            boolean written = false;
            try {
                writer.write(datum, encoder);
                encoder.flush();
                written = true;
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (!written) {
                    // A failed write leaves bytes in the encoder's buffer, which re-configuring it would flush into
                    // the next record: that encoder is dropped.
                    encoder = null;
                }
            }
        }
    }
}
