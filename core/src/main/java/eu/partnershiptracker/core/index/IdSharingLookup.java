package eu.partnershiptracker.core.index;

import eu.partnershiptracker.core.ShallowCopy;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.model.PolicyEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * A lookup whose entries carry the very eventId instance they were asked for. An index asks with the ids it holds, and
 * instruments rebuilt from the entries keep their eventIds, so without this every rebuild would leave the index one
 * more decoded copy of each fact's id. The event is copied shallowly: the lookup's own entry is not changed.
 */
final class IdSharingLookup implements EntryLookup {

    private final EntryLookup lookup;

    IdSharingLookup(final EntryLookup lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    @Override
    public Optional<TimelineEntry> find(final String eventId) {
        return lookup.find(eventId).map(entry -> entry.event().getEventId() == eventId ? entry
                : new TimelineEntry(withId(entry.event(), eventId), entry.recordedAt(), entry.partition(),
                        entry.offset()));
    }

    private static PolicyEvent withId(final PolicyEvent event, final String eventId) {
        if (!event.getEventId().equals(eventId)) {
            throw new IllegalStateException("asked for event " + eventId + ", the store gave " + event.getEventId());
        }
        final PolicyEvent copy = ShallowCopy.of(event, PolicyEvent::new);
        copy.setEventId(eventId);
        return copy;
    }
}
