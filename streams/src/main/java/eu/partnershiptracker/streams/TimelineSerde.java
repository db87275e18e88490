package eu.partnershiptracker.streams;

import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.model.SchemaHistory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Store and changelog format of a {@link Timeline}: plain Avro binary, no registry, because the store is private to
 * this application. The bytes are the Avro binary encoding of
 * <pre>{format: int = 2, changeCount: long, writerFingerprint: long, entries: array&lt;{recordedAt: long (epoch ms),
 * partition: int, offset: long, event: PolicyEvent}&gt;}</pre>
 * The events are written with the schema whose parsing fingerprint (see {@link SchemaHistory}) precedes them, and read
 * by resolving that schema to the current PolicyEvent class, so that a store written before PolicyEvent last changed
 * still reads without an application reset. Format 1, which this application wrote up to PolicyEvent v1, had no
 * fingerprint and always held v1 events; it still reads. An unknown format or fingerprint fails loudly instead of
 * misreading.
 */
public final class TimelineSerde implements Serde<Timeline> {

    private static final int FORMAT_OF_V1_EVENTS = 1;
    private static final int FORMAT = 2;
    private static final SchemaHistory EVENT_SCHEMAS = SchemaHistory.of(PolicyEvent.getClassSchema());
    private static final long CURRENT_FINGERPRINT = SchemaHistory.fingerprint(PolicyEvent.getClassSchema());

    private final DatumWriter<PolicyEvent> eventWriter = new SpecificDatumWriter<>(PolicyEvent.class);
    private final Map<Long, DatumReader<PolicyEvent>> readersByFingerprint = new ConcurrentHashMap<>();

    @Override
    public Serializer<Timeline> serializer() {
        return (topic, timeline) -> timeline == null ? null : write(timeline);
    }

    @Override
    public Deserializer<Timeline> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    private byte[] write(final Timeline timeline) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256 * (timeline.entries().size() + 1));
        final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            encoder.writeInt(FORMAT);
            encoder.writeLong(timeline.changeCount());
            encoder.writeLong(CURRENT_FINGERPRINT);
            encoder.writeArrayStart();
            encoder.setItemCount(timeline.entries().size());
            for (final TimelineEntry entry : timeline.entries()) {
                encoder.startItem();
                encoder.writeLong(entry.recordedAt().toEpochMilli());
                encoder.writeInt(entry.partition());
                encoder.writeLong(entry.offset());
                eventWriter.write(entry.event(), encoder);
            }
            encoder.writeArrayEnd();
            encoder.flush();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot encode a timeline into memory", e);
        }
        return out.toByteArray();
    }

    private Timeline read(final byte[] bytes) {
        try {
            return decode(DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (final IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new SerializationException("cannot decode a timeline of " + bytes.length + " bytes", e);
        }
    }

    private Timeline decode(final BinaryDecoder decoder) throws IOException {
        final int format = decoder.readInt();
        if (format != FORMAT && format != FORMAT_OF_V1_EVENTS) {
            throw new SerializationException("unknown timeline format " + format + ", this version reads "
                    + FORMAT_OF_V1_EVENTS + " and " + FORMAT);
        }
        final long changeCount = decoder.readLong();
        final DatumReader<PolicyEvent> eventReader = format == FORMAT
                ? eventReader(decoder.readLong())
                : eventReader(SchemaHistory.fingerprint(EVENT_SCHEMAS.version(1)));
        final List<TimelineEntry> entries = new ArrayList<>();
        for (long block = decoder.readArrayStart(); block != 0; block = decoder.arrayNext()) {
            for (long i = 0; i < block; i++) {
                final Instant recordedAt = Instant.ofEpochMilli(decoder.readLong());
                final int partition = decoder.readInt();
                final long offset = decoder.readLong();
                entries.add(new TimelineEntry(eventReader.read(null, decoder), recordedAt, partition, offset));
            }
        }
        return new Timeline(changeCount, entries);
    }

    private DatumReader<PolicyEvent> eventReader(final long writerFingerprint) {
        return readersByFingerprint.computeIfAbsent(writerFingerprint, fingerprint -> {
            final Schema writer;
            try {
                writer = EVENT_SCHEMAS.withFingerprint(fingerprint);
            } catch (final IllegalArgumentException e) {
                throw new SerializationException("cannot read the events of a stored timeline: " + e.getMessage(), e);
            }
            return new SpecificDatumReader<>(writer, PolicyEvent.getClassSchema());
        });
    }
}
