package eu.partnershiptracker.core.fold;

import eu.partnershiptracker.model.PolicyEvent;
import java.util.Comparator;

/**
 * The valid-time order of a partnership's events, the same whatever the arrival order: by date (first day of the stated
 * period), then lifecycle rank of the kind (signed before in force on one day), then precision (DAY, MONTH, YEAR: the
 * finer statement first), then eventId.
 */
public final class EventOrder {

    public static final Comparator<PolicyEvent> EVENTS = Comparator
            .comparing((PolicyEvent event) -> event.getEventDate().getDate())
            .thenComparingInt(event -> Lifecycle.rank(event.getKind()))
            .thenComparing(event -> event.getEventDate().getPrecision())
            .thenComparing(PolicyEvent::getEventId);

    public static final Comparator<TimelineEntry> ENTRIES = Comparator.comparing(TimelineEntry::event, EVENTS);

    /** Transaction-time order: when recorded, then position in the input partition, then eventId. */
    public static final Comparator<TimelineEntry> RECORDED = Comparator
            .comparing(TimelineEntry::recordedAt)
            .thenComparingLong(TimelineEntry::offset)
            .thenComparing(TimelineEntry::eventId);

    private EventOrder() {
    }
}
