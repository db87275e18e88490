package eu.partnershiptracker.streams;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.core.fold.Lifecycle;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.core.index.EntryLookup;
import eu.partnershiptracker.model.PolicyEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A partnership's history as rows of the {@link PartnershipTopology#ROWS_STORE} store, one per event, so that an event
 * costs a few point operations and bytes that do not depend on the history. Every key is the partnership's bytes, a
 * 0x00 separator (keys use no 0x00), a family byte and a suffix, so a partnership's rows are one prefix range:
 * <ul>
 * <li>E, the events: suffix its first possible day (8 bytes, big-endian, sign bit flipped so bytes sort as days),
 *     lifecycle rank, precision rank (a byte each) and eventId, so the rows sort as the timeline does; value the Avro
 *     binary of {format: int = 1, recordedAt: long (epoch ms), partition: int, offset: long, writerFingerprint: long,
 *     event: PolicyEvent} (see {@link StoredEvents}).</li>
 * <li>H, the head: value {format: int = 1, changeCount: long}, the number of changes emitted so far.</li>
 * <li>P, a pointer per eventId (suffix the eventId) to its E row (value the E suffix), for the duplicate check.</li>
 * </ul>
 * Queries read them through {@link #readOnly} on the store {@link PartnershipTopology#rows()} gives, e.g. as the
 * {@link EntryLookup} a {@link eu.partnershiptracker.core.index.PartnershipIndex} lists its events with.
 */
public final class PartnershipRows {

    private static final byte SEPARATOR = 0;
    private static final byte EVENT = 'E';
    private static final byte HEAD = 'H';
    private static final byte POINTER = 'P';
    private static final int FORMAT = 1;
    private static final byte[] NO_SUFFIX = new byte[0];
    private static final BytesSerializer PREFIX = new BytesSerializer();

    private final ReadOnlyKeyValueStore<Bytes, byte[]> rows;
    /** The same store when it may be written (the processor's), else null (interactive queries). */
    private final KeyValueStore<Bytes, byte[]> writable;
    private final StoredEvents events = new StoredEvents();
    /**
     * Reused for every E row so that a write does not allocate the encoder's 2 KB buffer; only the processor's thread
     * writes, so the one instance is not shared.
     */
    private BinaryEncoder encoder;

    private PartnershipRows(final ReadOnlyKeyValueStore<Bytes, byte[]> rows,
            final KeyValueStore<Bytes, byte[]> writable) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.writable = writable;
    }

    public static PartnershipRows readOnly(final ReadOnlyKeyValueStore<Bytes, byte[]> rows) {
        return new PartnershipRows(rows, null);
    }

    static PartnershipRows writable(final KeyValueStore<Bytes, byte[]> rows) {
        return new PartnershipRows(rows, rows);
    }

    /** The partnership's entry with this id, if it has one: two point reads. */
    public Optional<TimelineEntry> find(final String partnership, final String eventId) {
        final byte[] owner = utf8(partnership);
        final byte[] suffix = rows.get(key(owner, POINTER, utf8(eventId)));
        return suffix == null ? Optional.empty() : Optional.of(entry(rows.get(key(owner, EVENT, suffix))));
    }

    /** The partnership's entries by id, for its index. */
    public EntryLookup lookup(final String partnership) {
        return eventId -> find(partnership, eventId);
    }

    /** The partnership's timeline as the whole-timeline fold takes it, in arrival (offset) order; null if none. */
    public Timeline timeline(final String partnership) {
        final Gathering gathering = new Gathering(utf8(partnership));
        try (KeyValueIterator<Bytes, byte[]> range = rows.prefixScan(prefix(partnership), PREFIX)) {
            range.forEachRemaining(gathering::add);
        }
        return gathering.timeline();
    }

    /** Every partnership's timeline, one at a time as the rows are read (a partnership's rows are contiguous). */
    public KeyValueIterator<String, Timeline> timelines() {
        return new Timelines(rows.all());
    }

    /** The store's estimate of its rows, several per partnership. */
    public long approximateNumEntries() {
        return rows.approximateNumEntries();
    }

    /** Adds an entry's E and P rows; the caller has checked that its eventId is new. */
    void put(final String partnership, final TimelineEntry entry) {
        final byte[] owner = utf8(partnership);
        final byte[] id = utf8(entry.eventId());
        final byte[] suffix = eventSuffix(entry.event(), id);
        store().put(key(owner, EVENT, suffix), eventRow(entry));
        store().put(key(owner, POINTER, id), suffix);
    }

    void putChangeCount(final String partnership, final long changeCount) {
        store().put(key(utf8(partnership), HEAD, NO_SUFFIX), ByteBuffer.allocate(Integer.BYTES + Long.BYTES)
                .putInt(FORMAT).putLong(changeCount).array());
    }

    private KeyValueStore<Bytes, byte[]> store() {
        if (writable == null) {
            throw new IllegalStateException("these rows are read through interactive queries and cannot be written");
        }
        return writable;
    }

    private static Timeline timeline(final long changeCount, final List<TimelineEntry> entries) {
        entries.sort(Comparator.comparingInt(TimelineEntry::partition).thenComparingLong(TimelineEntry::offset));
        return new Timeline(changeCount, entries);
    }

    /** The E row's suffix; id is the event's eventId in UTF-8, which the caller also needs for the P row. */
    private static byte[] eventSuffix(final PolicyEvent event, final byte[] id) {
        final DateClaim date = DateClaim.of(event);
        return ByteBuffer.allocate(Long.BYTES + 2 + id.length)
                .putLong(date.earliestDay().toEpochDay() ^ Long.MIN_VALUE)
                .put((byte) Lifecycle.rank(event.getKind()))
                .put((byte) date.precisionRank())
                .put(id)
                .array();
    }

    private byte[] eventRow(final TimelineEntry entry) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        encoder = EncoderFactory.get().binaryEncoder(out, encoder);
        try {
            encoder.writeInt(FORMAT);
            encoder.writeLong(entry.recordedAt().toEpochMilli());
            encoder.writeInt(entry.partition());
            encoder.writeLong(entry.offset());
            encoder.writeLong(StoredEvents.CURRENT_FINGERPRINT);
            events.write(entry.event(), encoder);
            encoder.flush();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot encode an event row into memory", e);
        }
        return out.toByteArray();
    }

    private TimelineEntry entry(final byte[] row) {
        if (row == null) {
            throw new IllegalStateException("an event pointer names a missing event row");
        }
        try {
            final BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(row, null);
            final int format = decoder.readInt();
            if (format != FORMAT) {
                throw new SerializationException(
                        "unknown event row format " + format + ", this version reads " + FORMAT);
            }
            final Instant recordedAt = Instant.ofEpochMilli(decoder.readLong());
            final int partition = decoder.readInt();
            final long offset = decoder.readLong();
            return new TimelineEntry(events.read(decoder.readLong(), decoder), recordedAt, partition, offset);
        } catch (final IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new SerializationException("cannot decode an event row of " + row.length + " bytes", e);
        }
    }

    private static long changeCount(final byte[] head) {
        final ByteBuffer buffer = ByteBuffer.wrap(head);
        final int format = buffer.getInt();
        if (format != FORMAT) {
            throw new SerializationException("unknown head row format " + format + ", this version reads " + FORMAT);
        }
        return buffer.getLong();
    }

    private static Bytes prefix(final String partnership) {
        final byte[] bytes = utf8(partnership);
        return Bytes.wrap(Arrays.copyOf(bytes, bytes.length + 1));
    }

    /** A row key; partnership is the partnership in UTF-8, encoded once by callers that build several keys. */
    private static Bytes key(final byte[] partnership, final byte family, final byte[] suffix) {
        return Bytes.wrap(ByteBuffer.allocate(partnership.length + 2 + suffix.length)
                .put(partnership).put(SEPARATOR).put(family).put(suffix).array());
    }

    /** The partnership part of a row key: the bytes before the separator. */
    private static byte[] partnership(final Bytes key) {
        final byte[] bytes = key.get();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == SEPARATOR) {
                return Arrays.copyOf(bytes, i);
            }
        }
        throw new IllegalStateException("a row key without a separator");
    }

    private static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Groups the rows of a scan, in key order, into one timeline per partnership. */
    private final class Timelines extends LookaheadIterator<String, Timeline> {

        private final KeyValueIterator<Bytes, byte[]> all;

        Timelines(final KeyValueIterator<Bytes, byte[]> all) {
            super(all);
            this.all = all;
        }

        @Override
        protected KeyValue<String, Timeline> advance() {
            while (all.hasNext()) {
                final byte[] partnership = partnership(all.peekNextKey());
                final Gathering gathering = new Gathering(partnership);
                while (all.hasNext() && Arrays.equals(partnership(all.peekNextKey()), partnership)) {
                    gathering.add(all.next());
                }
                final Timeline timeline = gathering.timeline();
                if (timeline != null) {
                    return KeyValue.pair(new String(partnership, StandardCharsets.UTF_8), timeline);
                }
            }
            return null;
        }
    }

    /**
     * One partnership's rows, met in key order, gathered into its timeline: the scan of one partnership and the scan
     * of all share it, so that the two cannot read the row families differently.
     */
    private final class Gathering {

        private final int familyAt;
        private final List<TimelineEntry> entries = new ArrayList<>();
        private long changeCount;

        Gathering(final byte[] partnership) {
            this.familyAt = partnership.length + 1;
        }

        void add(final KeyValue<Bytes, byte[]> row) {
            final byte family = row.key.get()[familyAt];
            if (family == EVENT) {
                entries.add(entry(row.value));
            } else if (family == HEAD) {
                changeCount = changeCount(row.value);
            }
        }

        /** The timeline, or null when the partnership has no event row. */
        Timeline timeline() {
            return entries.isEmpty() ? null : PartnershipRows.timeline(changeCount, entries);
        }
    }
}
