package eu.partnershiptracker.core.history;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.core.changes.Transitions;
import eu.partnershiptracker.core.fold.AuditTrail;
import eu.partnershiptracker.core.fold.EventOrder;
import eu.partnershiptracker.core.fold.PartnershipFold;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.PartnershipState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Replays a partnership's history in valid time: walks the days on which its effective facts may take effect (the
 * first day of an exact date's period; for bounds, the first day a step becomes possible and the day it becomes
 * certain) and gives the state as of each on which the partnership's instruments changed, which is how a user "replays
 * history up to a date". Corrected and retracted events never happened in valid time, so they make no step of their
 * own; a claim that lost to another claim of its fact makes none either, since nothing changes on its date. Each step
 * is {@link PartnershipFold#stateAsOf} at its date, so replay and point queries always agree.
 */
public final class ValidTimeReplay {

    private ValidTimeReplay() {
    }

    /**
     * @param from first date to include, or null for the beginning
     * @param to   last date to include, or null for no end
     * @return the steps in date order, empty if nothing takes effect within [from, to]
     */
    public static List<HistoryStep> replay(final Timeline timeline, final LocalDate from, final LocalDate to) {
        Objects.requireNonNull(timeline, "timeline");
        return replay(timeline, from, to, day -> PartnershipFold.stateAsOf(timeline, day));
    }

    /**
     * The replay with the state as of each date read from {@code statesAsOf} instead of folded: an index's, which
     * answers in O(log n) what {@link PartnershipFold#stateAsOf} answers for the timeline (its event lists may be left
     * out: steps compare instruments).
     */
    public static List<HistoryStep> replay(final Timeline timeline, final LocalDate from, final LocalDate to,
            final Function<LocalDate, PartnershipState> statesAsOf) {
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(statesAsOf, "statesAsOf");
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("replay from " + from + " to " + to + ": from is after to");
        }
        final AuditTrail audit = AuditTrail.of(timeline.entries());
        final Map<LocalDate, List<String>> factsByDate = new TreeMap<>();
        timeline.entries().stream()
                .filter(audit::isFact)
                .sorted(EventOrder.ENTRIES)
                .forEach(entry -> {
                    final DateClaim date = DateClaim.of(entry.event());
                    Stream.of(date.possibleFrom(), date.certainFrom()).flatMap(Optional::stream).distinct()
                            .filter(day -> within(day, from, to))
                            .forEach(day -> factsByDate.computeIfAbsent(day, d -> new ArrayList<>())
                                    .add(entry.eventId()));
                });
        final List<HistoryStep> steps = new ArrayList<>(factsByDate.size());
        PartnershipState previous = from == null ? null : statesAsOf.apply(from.minusDays(1));
        for (final Map.Entry<LocalDate, List<String>> facts : factsByDate.entrySet()) {
            final PartnershipState state = statesAsOf.apply(facts.getKey());
            if (!instruments(state).equals(instruments(previous))) {
                steps.add(new HistoryStep(facts.getKey(), facts.getValue(), state,
                        Transitions.between(previous, state)));
            }
            previous = state;
        }
        return steps;
    }

    private static List<InstrumentState> instruments(final PartnershipState state) {
        return state == null ? List.of() : state.getInstruments();
    }

    private static boolean within(final LocalDate date, final LocalDate from, final LocalDate to) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
