package eu.partnershiptracker.streams;

import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.model.PolicyEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
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
 * Store and changelog format of a {@link Timeline}: plain Avro binary, no registry and no per-record schema, because the
 * store is private to this application. The bytes are the Avro binary encoding of
 * <pre>{format: int = 1, changeCount: long, entries: array&lt;{recordedAt: long (epoch ms), partition: int,
 * offset: long, event: PolicyEvent}&gt;}</pre>
 * The leading format number lets a later layout be told apart; an unknown one fails loudly instead of misreading.
 */
public final class TimelineSerde implements Serde<Timeline> {

    private static final int FORMAT = 1;

    private final DatumWriter<PolicyEvent> eventWriter = new SpecificDatumWriter<>(PolicyEvent.class);
    private final DatumReader<PolicyEvent> eventReader = new SpecificDatumReader<>(PolicyEvent.class);

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
        if (format != FORMAT) {
            throw new SerializationException("unknown timeline format " + format + ", this version reads " + FORMAT);
        }
        final long changeCount = decoder.readLong();
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
}
