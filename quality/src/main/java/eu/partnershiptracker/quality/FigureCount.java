package eu.partnershiptracker.quality;

import eu.partnershiptracker.core.PartialDates;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PolicyEvent;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What a figure of data/checks/figures.yaml counts. Every filter that is set must match; dates compare the first day
 * of an event's stated period.
 *
 * @param kinds          the event kinds that count; empty means any
 * @param includeUndated also count the undated facts that the figure's own source states had happened by the figure's
 *                       date: same source, a {@code happenedBy} whose whole period is on or before {@code onOrBefore},
 *                       and no {@code from} (an unknown date is never shown to be after a start)
 * @param unit           whether distinct instruments or single events are counted
 */
public record FigureCount(Actor actor, String counterpart, InstrumentType instrument, String key, Set<EventKind> kinds,
        LocalDate from, LocalDate onOrBefore, boolean includeUndated, Unit unit) {

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
    }

    boolean matches(final PolicyEvent event) {
        final LocalDate date = event.getEventDate().getDate();
        return matches(event.getActor(), event.getCounterpart(), event.getInstrument(), event.getInstrumentKey(),
                event.getKind())
                && (from == null || !date.isBefore(from))
                && (onOrBefore == null || !date.isAfter(onOrBefore));
    }

    boolean matches(final UndatedFact fact, final String counterpartOfFact, final String figureSource) {
        return includeUndated
                && from == null
                && fact.source().equals(figureSource)
                && fact.happenedBy() != null
                && (onOrBefore == null || !PartialDates.lastDay(fact.happenedBy()).isAfter(onOrBefore))
                && matches(fact.actor(), counterpartOfFact, fact.instrument(), fact.key(), fact.kind());
    }

    private boolean matches(final Actor eventActor, final String eventCounterpart,
            final InstrumentType eventInstrument, final String eventKey, final EventKind eventKind) {
        return (actor == null || actor == eventActor)
                && (counterpart == null || counterpart.equals(eventCounterpart))
                && (instrument == null || instrument == eventInstrument)
                && (key == null || key.equals(eventKey))
                && (kinds.isEmpty() || kinds.contains(eventKind));
    }
}
