package eu.partnershiptracker.core.fold;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.model.EventEntry;
import eu.partnershiptracker.model.PartnershipState;
import eu.partnershiptracker.model.PolicyEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The state of a partnership as a pure function of its {@link Timeline}, a valid-time date and a transaction-time
 * instant: the whole-timeline fold, the specification every faster path must equal.
 * <ul>
 * <li>knownAt cuts the timeline first: only the entries recorded up to that instant count (what the tracker would have
 *     said then); null means everything recorded.</li>
 * <li>Corrections and retractions are resolved over the whole (cut) timeline ({@link AuditTrail}); then the claims of
 *     each fact are resolved over all its effective claims ({@link FactClaims}); only then is the date D applied, to
 *     each step's resolved date ({@link DateClaim#certaintyOn}): so a corrected event is never a fact, and a claim that
 *     lost to a later-dated one does not count before the winner's date.</li>
 * <li>The state lists the instruments present as of D ({@link InstrumentFold}), every conflict whatever D, and every
 *     entry that may have happened by D (first possible day on or before D), corrected and retracted ones included,
 *     with status and supersededBy, in {@link EventOrder}: the audit trail of what was corrected, by which event and
 *     when it was recorded.</li>
 * <li>lastEventId and updatedAt name the listed entry recorded last (recordedAt, then input offset); counterpartName
 *     is the last recorded one stated.</li>
 * <li>There is no state (null) while nothing is known of the partnership as of D: no instrument and no conflict.</li>
 * </ul>
 */
public final class PartnershipFold {

    private PartnershipFold() {
    }

    /** The state as of {@code asOf} (null: the current state) of everything recorded, or null if nothing counts. */
    public static PartnershipState stateAsOf(final Timeline timeline, final LocalDate asOf) {
        return stateAsOf(timeline, asOf, null);
    }

    /**
     * The state as of {@code asOf} (null: everything in valid time) from the entries recorded up to {@code knownAt}
     * (null: all of them), or null if nothing is known of the partnership then.
     */
    public static PartnershipState stateAsOf(final Timeline timeline, final LocalDate asOf, final Instant knownAt) {
        Objects.requireNonNull(timeline, "timeline");
        final Timeline known = knownAt == null ? timeline : timeline.recordedUpTo(knownAt);
        final AuditTrail audit = AuditTrail.of(known.entries());
        final List<TimelineEntry> sorted = known.entries().stream().sorted(EventOrder.ENTRIES).toList();
        final List<PolicyEvent> facts = sorted.stream().filter(audit::isFact).map(TimelineEntry::event).toList();
        final InstrumentFold.Result instruments = InstrumentFold.fold(facts, asOf);
        if (instruments.instruments().isEmpty() && instruments.conflicts().isEmpty()) {
            return null;
        }
        final List<TimelineEntry> listed = sorted.stream()
                .filter(entry -> asOf == null || !DateClaim.of(entry.event()).earliestDay().isAfter(asOf))
                .toList();
        final TimelineEntry last = (listed.isEmpty() ? sorted : listed).stream().max(EventOrder.RECORDED).orElseThrow();
        return PartnershipState.newBuilder()
                .setActor(last.event().getActor())
                .setCounterpart(last.event().getCounterpart())
                .setCounterpartName(known.entries().stream().sorted(EventOrder.RECORDED)
                        .map(entry -> entry.event().getCounterpartName()).filter(Objects::nonNull)
                        .reduce((earlier, later) -> later).orElse(null))
                .setAsOf(asOf)
                .setKnownAt(knownAt)
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
        return EventEntries.of(entry, audit.status(entry.eventId()), audit.supersededBy(entry.eventId()));
    }
}
