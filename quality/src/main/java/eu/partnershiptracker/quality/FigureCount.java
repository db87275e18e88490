package eu.partnershiptracker.quality;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.Certainty;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PolicyEvent;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What a figure of data/checks/figures.yaml counts. Every filter that is set must match.
 *
 * <p>A figure with a {@code status} is counted through the API's query ({@code GET /api/partnerships?asOf=&actor=
 * &instrument=&status=}): the instruments of that type and status in the answer, of that counterpart and key when set,
 * and of that certainty. Any other figure counts events: {@code from} compares the first day an event's date allows,
 * {@code onOrBefore} the last (so a step known only by bounds counts only once it had certainly happened).
 *
 * @param kinds     the event kinds that count; empty means any
 * @param status    counts instruments in this status through the query; null counts events
 * @param asOf      the query's date (null: now); only with a status
 * @param certainty the certainty a counted instrument must have; null means any; only with a status
 * @param unit      whether distinct instruments or single events are counted
 */
public record FigureCount(Actor actor, String counterpart, InstrumentType instrument, String key, Set<EventKind> kinds,
        LocalDate from, LocalDate onOrBefore, InstrumentStatus status, LocalDate asOf, Certainty certainty,
        Unit unit) {

    /** What one counted item is. */
    public enum Unit {
        /** A distinct (actor, counterpart, instrument, key) with at least one matching event. */
        INSTRUMENTS,
        /** A matching event, e.g. each meeting of a series. */
        EVENTS
    }

    public FigureCount {
        kinds = Set.copyOf(kinds);
        Objects.requireNonNull(unit, "unit");
        if (status == null && (asOf != null || certainty != null)) {
            throw new IllegalArgumentException("'asOf' and 'certainty' apply to a count through the query:"
                    + " set 'status' too");
        }
        if (status != null && (!kinds.isEmpty() || from != null || onOrBefore != null || unit == Unit.EVENTS)) {
            throw new IllegalArgumentException("a count through the query ('status') takes 'asOf', not 'kinds',"
                    + " 'from', 'onOrBefore' or unit 'events'");
        }
    }

    /** Whether the figure is counted through the API's query. */
    boolean throughQuery() {
        return status != null;
    }

    boolean matches(final PolicyEvent event) {
        final DateClaim date = DateClaim.of(event);
        return matches(event.getActor(), event.getCounterpart(), event.getInstrument(), event.getInstrumentKey())
                && (kinds.isEmpty() || kinds.contains(event.getKind()))
                && (from == null || !date.earliestDay().isBefore(from))
                && (onOrBefore == null || !date.latestDay().isAfter(onOrBefore));
    }

    /** For a count through the query: an instrument of a partnership in the query's answer. */
    boolean matches(final Actor partnershipActor, final String partnershipCounterpart,
            final InstrumentState instrumentState) {
        return matches(partnershipActor, partnershipCounterpart, instrumentState.getType(), instrumentState.getKey())
                && instrumentState.getStatus() == status
                && (certainty == null || certainty == instrumentState.getCertainty());
    }

    private boolean matches(final Actor eventActor, final String eventCounterpart,
            final InstrumentType eventInstrument, final String eventKey) {
        return (actor == null || actor == eventActor)
                && (counterpart == null || counterpart.equals(eventCounterpart))
                && (instrument == null || instrument == eventInstrument)
                && (key == null || key.equals(eventKey));
    }
}
