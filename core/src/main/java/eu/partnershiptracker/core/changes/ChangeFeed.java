package eu.partnershiptracker.core.changes;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.core.fold.AuditTrail;
import eu.partnershiptracker.core.fold.PartnershipFold;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.model.ChangeOperation;
import eu.partnershiptracker.model.ChangeSource;
import eu.partnershiptracker.model.CorrectionType;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.model.PartnershipState;
import eu.partnershiptracker.model.PolicyEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds an accepted (new, not duplicate) event to a partnership's timeline and describes its effect on the CURRENT state
 * as a PartnershipChange, if it has one.
 * <ul>
 * <li>A change is emitted only when the current state differs before and after; its changeId is
 *     "ACTOR:COUNTERPART/n", n counting this partnership's changes from 1 (the count lives in the timeline).</li>
 * <li>operation: CREATE when there was no state before, DELETE when there is none after (the last fact was
 *     retracted), otherwise CORRECT or RETRACT for correction events and UPDATE for the rest.</li>
 * <li>retroactive: a correction or retraction, or an event whose first possible day is before that of the latest
 *     effective fact already in the timeline.</li>
 * <li>effectiveDate is the event's date, or effectiveBounds its bounds (valid time), recordedAt its record timestamp
 *     (transaction time).</li>
 * <li>before and after are images of the state without its event list; the event is named by causeEventId.</li>
 * </ul>
 */
public final class ChangeFeed {

    /**
     * The timeline to store, the change to emit if any, and with it the full current state (null when the change
     * leaves no state), which the reference checks compare the incremental path with.
     */
    public record Outcome(Timeline timeline, Optional<PartnershipChange> change, PartnershipState state) {

        public Outcome {
            Objects.requireNonNull(timeline, "timeline");
            Objects.requireNonNull(change, "change");
        }
    }

    private ChangeFeed() {
    }

    /**
     * @param partnership the key, "ACTOR:COUNTERPART"
     * @param prior       the timeline so far, which must not hold the event's id yet
     * @param cause       the accepted event with where it was read
     * @param topic       the topic it was read from
     */
    public static Outcome accept(final String partnership, final Timeline prior, final TimelineEntry cause,
            final String topic) {
        Objects.requireNonNull(partnership, "partnership");
        Objects.requireNonNull(topic, "topic");
        if (prior.find(cause.eventId()).isPresent()) {
            throw new IllegalArgumentException("event " + cause.eventId() + " is already in the timeline of " + partnership);
        }
        final Timeline grown = prior.with(cause);
        final PartnershipState before = PartnershipFold.stateAsOf(prior, null);
        final PartnershipState after = PartnershipFold.stateAsOf(grown, null);
        if (Objects.equals(before, after)) {
            return new Outcome(grown, Optional.empty(), after);
        }
        final long sequence = prior.changeCount() + 1;
        final PartnershipChange change = change(partnership + "/" + sequence, image(before), image(after), cause,
                cause.event().getCorrection() != null || datedBeforeLatestFact(cause.event(), prior), topic);
        return new Outcome(grown.withChangeCount(sequence), Optional.of(change), after);
    }

    /**
     * The change record for a cause, from before and after images (null: no state) of whatever extent the caller
     * chose: transitions and the operation are read from them, so they must hold every instrument that changed.
     */
    static PartnershipChange change(final String changeId, final PartnershipState before, final PartnershipState after,
            final TimelineEntry cause, final boolean retroactive, final String topic) {
        final PolicyEvent event = cause.event();
        final DateClaim date = DateClaim.of(event);
        return PartnershipChange.newBuilder()
                .setChangeId(changeId)
                .setActor(event.getActor())
                .setCounterpart(event.getCounterpart())
                .setCounterpartName(after == null ? before.getCounterpartName() : after.getCounterpartName())
                .setOperation(operation(before, after, event))
                .setBefore(before)
                .setAfter(after)
                .setTransitions(Transitions.between(before, after))
                .setEffectiveDate(date.exact())
                .setEffectiveBounds(date.bounds())
                .setRecordedAt(cause.recordedAt())
                .setCauseEventId(event.getEventId())
                .setRetroactive(retroactive)
                .setSource(new ChangeSource(topic, cause.partition(), cause.offset(), event.getProvenance().getSource()))
                .build();
    }

    /**
     * A before or after image: the state without its event list. The list grows with every event, so carrying it in
     * every change made the feed quadratic in a partnership's history; the full state, events included, is behind the
     * API.
     */
    private static PartnershipState image(final PartnershipState state) {
        return state == null ? null : PartnershipState.newBuilder(state).setEvents(List.of()).build();
    }

    private static ChangeOperation operation(final PartnershipState before, final PartnershipState after,
            final PolicyEvent event) {
        if (before == null) {
            return ChangeOperation.CREATE;
        }
        if (after == null) {
            return ChangeOperation.DELETE;
        }
        if (event.getCorrection() == null) {
            return ChangeOperation.UPDATE;
        }
        return event.getCorrection().getType() == CorrectionType.RETRACTS
                ? ChangeOperation.RETRACT : ChangeOperation.CORRECT;
    }

    private static boolean datedBeforeLatestFact(final PolicyEvent event, final Timeline prior) {
        final AuditTrail audit = AuditTrail.of(prior.entries());
        return prior.entries().stream()
                .filter(audit::isFact)
                .map(entry -> DateClaim.of(entry.event()).earliestDay())
                .anyMatch(date -> DateClaim.of(event).earliestDay().isBefore(date));
    }
}
