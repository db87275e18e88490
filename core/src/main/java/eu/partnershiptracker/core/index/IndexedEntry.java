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
 * the audit rule need.
 */
record IndexedEntry(String eventId, LocalDate earliestDay, int rank, int precision, Instant recordedAt, long offset,
        InstrumentId instrument, boolean retraction) {

    /** {@link EventOrder#ENTRIES} on the kept keys. */
    static final Comparator<IndexedEntry> VALID_TIME = Comparator.comparing(IndexedEntry::earliestDay)
            .thenComparingInt(IndexedEntry::rank)
            .thenComparingInt(IndexedEntry::precision)
            .thenComparing(IndexedEntry::eventId);

    /** {@link EventOrder#RECORDED} on the kept keys. */
    static final Comparator<IndexedEntry> RECORDED = Comparator.comparing(IndexedEntry::recordedAt)
            .thenComparingLong(IndexedEntry::offset)
            .thenComparing(IndexedEntry::eventId);

    /** Which of two corrections of a target decides its mark ({@link AuditTrail}): a retraction, then the first recorded. */
    static final Comparator<IndexedEntry> DECIDING = Comparator.comparing((IndexedEntry entry) -> !entry.retraction())
            .thenComparing(RECORDED);

    static IndexedEntry of(final TimelineEntry entry) {
        final PolicyEvent event = entry.event();
        final DateClaim date = DateClaim.of(event);
        return new IndexedEntry(event.getEventId(), date.earliestDay(), Lifecycle.rank(event.getKind()),
                date.precisionRank(), entry.recordedAt(), entry.offset(), InstrumentId.of(event),
                AuditTrail.isRetraction(event));
    }

    static IndexedEntry later(final IndexedEntry one, final IndexedEntry other) {
        return one == null || RECORDED.compare(other, one) > 0 ? other : one;
    }
}
