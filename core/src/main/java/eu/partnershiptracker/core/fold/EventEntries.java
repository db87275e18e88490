package eu.partnershiptracker.core.fold;

import eu.partnershiptracker.model.EntryStatus;
import eu.partnershiptracker.model.EventEntry;
import eu.partnershiptracker.model.PolicyEvent;
import java.util.Objects;

/** How a timeline entry is listed in a state's event list: the event's own fields, when recorded, its audit status. */
public final class EventEntries {

    private EventEntries() {
    }

    /** @param supersededBy the event that corrected or retracted it, or null */
    public static EventEntry of(final TimelineEntry entry, final EntryStatus status, final String supersededBy) {
        Objects.requireNonNull(status, "status");
        final PolicyEvent event = entry.event();
        return EventEntry.newBuilder()
                .setEventId(event.getEventId())
                .setInstrument(event.getInstrument())
                .setInstrumentKey(event.getInstrumentKey())
                .setKind(event.getKind())
                .setEventDate(event.getEventDate())
                .setDateBounds(event.getDateBounds())
                .setOrderBounds(event.getOrderBounds())
                .setProvenance(event.getProvenance())
                .setTitle(event.getTitle())
                .setRecordedAt(entry.recordedAt())
                .setStatus(status)
                .setSupersededBy(supersededBy)
                .setCorrects(event.getCorrection())
                .build();
    }
}
