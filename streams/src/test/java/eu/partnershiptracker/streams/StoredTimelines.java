package eu.partnershiptracker.streams;

import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Timelines as stored by other versions of the application, with their events in PolicyEvent v1: the layout of
 * {@link TimelineSerde}'s javadoc, written field by field so that the tests do not depend on the code they check.
 */
final class StoredTimelines {

    private StoredTimelines() {
    }

    /** What the application stored up to PolicyEvent v1: format 1, no fingerprint, v1 events. */
    static byte[] formatOne(final Timeline timeline) {
        return encode(timeline, 1, null);
    }

    /** Format 2 with the events written in v1 and said to be written by the schema with {@code fingerprint}. */
    static byte[] formatTwoWithV1Events(final Timeline timeline, final long fingerprint) {
        return encode(timeline, 2, fingerprint);
    }

    private static byte[] encode(final Timeline timeline, final int format, final Long fingerprint) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            encoder.writeInt(format);
            encoder.writeLong(timeline.changeCount());
            if (fingerprint != null) {
                encoder.writeLong(fingerprint);
            }
            encoder.writeArrayStart();
            encoder.setItemCount(timeline.entries().size());
            for (final TimelineEntry entry : timeline.entries()) {
                encoder.startItem();
                encoder.writeLong(entry.recordedAt().toEpochMilli());
                encoder.writeInt(entry.partition());
                encoder.writeLong(entry.offset());
                PolicyEventsV1.write(entry.event(), encoder);
            }
            encoder.writeArrayEnd();
            encoder.flush();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
