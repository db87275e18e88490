package eu.partnershiptracker.streams;

import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.model.SchemaHistory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Store and changelog format of a {@link Timeline}: plain Avro binary, no registry, because the store is private to
 * this application. The bytes are the Avro binary encoding of
 * <pre>{format: int = 2, changeCount: long, writerFingerprint: long, entries: array&lt;{recordedAt: long (epoch ms),
 * partition: int, offset: long, event: PolicyEvent}&gt;}</pre>
 * The events are written as {@link StoredEvents} writes them, after the fingerprint of their schema. Format 1, which
 * this application wrote up to PolicyEvent v1, had no fingerprint and always held v1 events; it still reads. An unknown
 * format or fingerprint fails loudly instead of misreading.
 */
public final class TimelineSerde implements Serde<Timeline> {

    private static final int FORMAT_OF_V1_EVENTS = 1;
    private static final int FORMAT = 2;

    private final StoredEvents events = new StoredEvents();

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
            encoder.writeLong(StoredEvents.CURRENT_FINGERPRINT);
            encoder.writeArrayStart();
            encoder.setItemCount(timeline.entries().size());
            for (final TimelineEntry entry : timeline.entries()) {
                encoder.startItem();
                encoder.writeLong(entry.recordedAt().toEpochMilli());
                encoder.writeInt(entry.partition());
                encoder.writeLong(entry.offset());
                events.write(entry.event(), encoder);
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
        final long fingerprint = format == FORMAT
                ? decoder.readLong() : SchemaHistory.fingerprint(StoredEvents.SCHEMAS.version(1));
        final List<TimelineEntry> entries = new ArrayList<>();
        for (long block = decoder.readArrayStart(); block != 0; block = decoder.arrayNext()) {
            for (long i = 0; i < block; i++) {
                final Instant recordedAt = Instant.ofEpochMilli(decoder.readLong());
                final int partition = decoder.readInt();
                final long offset = decoder.readLong();
                entries.add(new TimelineEntry(events.read(fingerprint, decoder), recordedAt, partition, offset));
            }
        }
        return new Timeline(changeCount, entries);
    }
}
