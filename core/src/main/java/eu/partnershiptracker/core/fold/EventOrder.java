package eu.partnershiptracker.core.fold;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.model.PolicyEvent;
import java.util.Comparator;

/**
 * The valid-time order of a partnership's events, the same whatever the arrival order: by first possible day (the first
 * day of the stated period, or of the lower bound; an open lower bound first), then lifecycle rank of the kind (signed
 * before in force on one day), then precision (DAY, MONTH, YEAR, then bounds: the finer statement first), then eventId.
 */
public final class EventOrder {

    public static final Comparator<PolicyEvent> EVENTS = Comparator
            .comparing((PolicyEvent event) -> DateClaim.of(event).earliestDay())
            .thenComparingInt(event -> Lifecycle.rank(event.getKind()))
            .thenComparing(event -> DateClaim.of(event), DateClaim.PRECISION)
            .thenComparing(PolicyEvent::getEventId);

    public static final Comparator<TimelineEntry> ENTRIES = Comparator.comparing(TimelineEntry::event, EVENTS);

    /** Transaction-time order: when recorded, then position in the input partition, then eventId. */
    public static final Comparator<TimelineEntry> RECORDED = Comparator
            .comparing(TimelineEntry::recordedAt)
            .thenComparingLong(TimelineEntry::offset)
            .thenComparing(TimelineEntry::eventId);

    private EventOrder() {
    }

    /**
     * {@link #EVENTS} on the keys an index keeps instead of the event: its first possible day as an epoch day (any
     * value below every real day for an open lower bound), {@link Lifecycle#rank}, {@link DateClaim#precisionRank} and
     * eventId.
     */
    public static int compareKeys(final long day, final int rank, final int precision, final String eventId,
            final long otherDay, final int otherRank, final int otherPrecision, final String otherEventId) {
        int order = Long.compare(day, otherDay);
        if (order == 0) {
            order = Integer.compare(rank, otherRank);
        }
        if (order == 0) {
            order = Integer.compare(precision, otherPrecision);
        }
        return order != 0 ? order : eventId.compareTo(otherEventId);
    }
}
