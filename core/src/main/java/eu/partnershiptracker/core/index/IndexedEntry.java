package eu.partnershiptracker.core.index;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.core.fold.AuditTrail;
import eu.partnershiptracker.core.fold.EventOrder;
import eu.partnershiptracker.core.fold.InstrumentId;
import eu.partnershiptracker.core.fold.Lifecycle;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.model.PolicyEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * What an index keeps of one entry instead of the decoded event: the keys of {@link EventOrder} (valid time and
 * recorded), its instrument, and whether it is a retraction, which is all that ordering, as-of prefixes, lastEventId and
 * the audit rule need. An index holds one per event, so the keys are primitives (the day as an epoch day, where
 * {@link LocalDate#MIN} still sorts first; the instant as seconds and nanos, exactly) and the eventId and instrument
 * are instances the index shares with the event and its other entries: 56 bytes each, where one with its own
 * LocalDate, Instant and InstrumentId (and the key String in it) took about 170.
 */
record IndexedEntry(String eventId, long earliestEpochDay, byte rank, byte precision, long recordedSecond,
        int recordedNano, long offset, InstrumentId instrument, boolean retraction) {

    /** {@link EventOrder#ENTRIES} on the kept keys: epoch days sort as the days do. */
    static final Comparator<IndexedEntry> VALID_TIME = (one, other) -> EventOrder.compareKeys(one.earliestEpochDay,
            one.rank, one.precision, one.eventId, other.earliestEpochDay, other.rank, other.precision, other.eventId);

    /** {@link EventOrder#RECORDED} on the kept keys: seconds then nanos is {@link Instant}'s own order. */
    static final Comparator<IndexedEntry> RECORDED = Comparator.comparingLong(IndexedEntry::recordedSecond)
            .thenComparingInt(IndexedEntry::recordedNano)
            .thenComparingLong(IndexedEntry::offset)
            .thenComparing(IndexedEntry::eventId);

    /** Which of two corrections of a target decides its mark ({@link AuditTrail}): a retraction, then the first recorded. */
    static final Comparator<IndexedEntry> DECIDING = Comparator.comparing((IndexedEntry entry) -> !entry.retraction())
            .thenComparing(RECORDED);

    /** The entry's keys, with this instance of its instrument (the one the index already holds, if it holds one). */
    static IndexedEntry of(final TimelineEntry entry, final InstrumentId instrument) {
        final PolicyEvent event = entry.event();
        final DateClaim date = DateClaim.of(event);
        final Instant recordedAt = entry.recordedAt();
        return new IndexedEntry(event.getEventId(), date.earliestDay().toEpochDay(),
                small(Lifecycle.rank(event.getKind()), "rank"), small(date.precisionRank(), "precision"),
                recordedAt.getEpochSecond(), recordedAt.getNano(), entry.offset(), instrument,
                AuditTrail.isRetraction(event));
    }

    static IndexedEntry of(final TimelineEntry entry) {
        return of(entry, InstrumentId.of(entry.event()));
    }

    static IndexedEntry later(final IndexedEntry one, final IndexedEntry other) {
        return one == null || RECORDED.compare(other, one) > 0 ? other : one;
    }

    /** The first day the entry's date allows, {@link LocalDate#MIN} when it has no lower bound. */
    LocalDate earliestDay() {
        return LocalDate.ofEpochDay(earliestEpochDay);
    }

    Instant recordedAt() {
        return Instant.ofEpochSecond(recordedSecond, recordedNano);
    }

    /** Ranks are ordinals of small enums; a byte holds them, and one that does not fit must not sort wrongly. */
    private static byte small(final int rank, final String name) {
        if (rank < Byte.MIN_VALUE || rank > Byte.MAX_VALUE) {
            throw new IllegalStateException(name + " " + rank + " does not fit the index's byte");
        }
        return (byte) rank;
    }
}
