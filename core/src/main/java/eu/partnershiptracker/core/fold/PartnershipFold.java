package eu.partnershiptracker.core.fold;

import eu.partnershiptracker.model.EventEntry;
import eu.partnershiptracker.model.PartnershipState;
import eu.partnershiptracker.model.PolicyEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The state of a partnership as a pure function of its {@link Timeline} and a valid-time date.
 * <ul>
 * <li>As of D an event counts when the first day of its stated period is on or before D (a "May 2024" event counts
 *     from 2024-05-01); a null D means everything, the current state.</li>
 * <li>Corrections and retractions are resolved over the whole timeline first ({@link AuditTrail}), then the date cut
 *     applies: a corrected event is never a fact, whatever the date of its correction.</li>
 * <li>The state lists the instruments and conflicts the effective facts give ({@link InstrumentFold}), and every entry
 *     dated up to D, corrected and retracted ones included, with status and supersededBy, in {@link EventOrder}: the
 *     audit trail of what was corrected, by which event and when it was recorded.</li>
 * <li>lastEventId and updatedAt name the listed entry recorded last (recordedAt, then input offset).</li>
 * <li>There is no state (null) while no effective fact is dated up to D.</li>
 * </ul>
 */
public final class PartnershipFold {

    private PartnershipFold() {
    }

    /** The state as of {@code asOf} (null: the current state), or null if no effective event counts by then. */
    public static PartnershipState stateAsOf(final Timeline timeline, final LocalDate asOf) {
        Objects.requireNonNull(timeline, "timeline");
        final AuditTrail audit = AuditTrail.of(timeline.entries());
        final List<TimelineEntry> listed = timeline.entries().stream()
                .filter(entry -> asOf == null || !entry.event().getEventDate().getDate().isAfter(asOf))
                .sorted(EventOrder.ENTRIES)
                .toList();
        final List<PolicyEvent> facts = listed.stream().filter(audit::isFact).map(TimelineEntry::event).toList();
        if (facts.isEmpty()) {
            return null;
        }
        final InstrumentFold.Result instruments = InstrumentFold.fold(facts);
        final TimelineEntry last = listed.stream().max(EventOrder.RECORDED).orElseThrow();
        final PolicyEvent any = facts.get(0);
        return PartnershipState.newBuilder()
                .setActor(any.getActor())
                .setCounterpart(any.getCounterpart())
                .setAsOf(asOf)
                .setInstruments(instruments.instruments())
                .setEvents(listed.stream().map(entry -> entry(entry, audit)).toList())
                .setConflicts(instruments.conflicts())
                .setLastEventId(last.eventId())
                .setUpdatedAt(last.recordedAt())
                .build();
    }

    /**
     * Every event ever recorded for the partnership, in timeline order, with its audit status. Unlike
     * {@link #stateAsOf}, it answers even when retractions have left no effective fact, so the audit trail of a
     * withdrawn partnership stays queryable.
     */
    public static List<EventEntry> auditTrail(final Timeline timeline) {
        Objects.requireNonNull(timeline, "timeline");
        final AuditTrail audit = AuditTrail.of(timeline.entries());
        return timeline.entries().stream().sorted(EventOrder.ENTRIES).map(entry -> entry(entry, audit)).toList();
    }

    private static EventEntry entry(final TimelineEntry entry, final AuditTrail audit) {
        final PolicyEvent event = entry.event();
        return EventEntry.newBuilder()
                .setEventId(event.getEventId())
                .setInstrument(event.getInstrument())
                .setInstrumentKey(event.getInstrumentKey())
                .setKind(event.getKind())
                .setEventDate(event.getEventDate())
                .setProvenance(event.getProvenance())
                .setTitle(event.getTitle())
                .setRecordedAt(entry.recordedAt())
                .setStatus(audit.status(event.getEventId()))
                .setSupersededBy(audit.supersededBy(event.getEventId()))
                .setCorrects(event.getCorrection())
                .build();
    }
}
