package eu.partnershiptracker.core.index;

import eu.partnershiptracker.core.fold.TimelineEntry;
import java.util.Optional;

/**
 * The full entries of one partnership by eventId, for the few an index needs at a time (an affected instrument's facts,
 * a correction's target, a listed event): the streams store answers with point gets, tests with a map. It must know
 * every entry the index was given.
 */
@FunctionalInterface
public interface EntryLookup {

    /** The partnership's entry with this id, or empty when the partnership has none. */
    Optional<TimelineEntry> find(String eventId);

    /** The entry, which must be there. */
    default TimelineEntry get(final String eventId) {
        return find(eventId).orElseThrow(() -> new IllegalStateException(
                "event " + eventId + " is in the index but not in its store"));
    }
}
