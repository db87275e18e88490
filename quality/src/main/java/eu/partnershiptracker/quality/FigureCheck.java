package eu.partnershiptracker.quality;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.model.EventEntry;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.query.Answers;
import eu.partnershiptracker.query.CertaintyFilter;
import eu.partnershiptracker.query.PartnershipFilter;
import eu.partnershiptracker.query.PartnershipView;
import eu.partnershiptracker.query.QueryTime;
import eu.partnershiptracker.query.StepView;
import eu.partnershiptracker.query.TimelineQueries;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts what a figure counts in the answers of the API's own queries, never over the raw events, and says which
 * instruments or events made up the count: a figure that reproduces is an answer a user of the API gets too.
 */
public final class FigureCheck {

    /** The outcome for one figure; {@code matching} names every counted item. */
    public record Result(Figure figure, int actual, List<String> matching) {

        public Result {
            Objects.requireNonNull(figure, "figure");
            matching = List.copyOf(matching);
        }

        public boolean reproduced() {
            return actual == figure.expected();
        }

        /** E.g. "sdp-count-eight-2025-08: expected 8, counted 7: EU:NO SDP, ..." */
        public String describe() {
            return figure.id() + ": expected " + figure.expected() + ", counted " + actual
                    + (matching.isEmpty() ? "" : ": " + String.join(", ", matching));
        }
    }

    private final TimelineQueries queries;

    /** @param queries the API's queries over the record */
    public FigureCheck(final TimelineQueries queries) {
        this.queries = Objects.requireNonNull(queries, "queries");
    }

    public Result check(final Figure figure) {
        Objects.requireNonNull(figure, "figure");
        final List<String> counted = switch (figure.count().query()) {
            case PARTNERSHIPS -> instruments(figure.count());
            case HISTORY -> events(figure.count());
        };
        return new Result(figure, counted.size(), counted);
    }

    /** The instruments GET /api/partnerships?asOf=&actor=&instrument=&certainty= lists that the figure counts. */
    private List<String> instruments(final FigureCount count) {
        final Answers.PartnershipList answer = queries.partnerships(new QueryTime(count.asOf(), null),
                new PartnershipFilter(count.actor(), count.instrument(), null, count.certainty()));
        final List<String> counted = new ArrayList<>();
        for (final PartnershipView partnership : answer.items()) {
            if (count.matches(partnership.actor(), partnership.counterpart())) {
                partnership.instruments().stream().filter(count::matches)
                        .forEach(instrument -> counted.add(instrument(partnership, instrument)));
            }
        }
        return counted;
    }

    /**
     * The events of the figure's kinds and instrument that take effect in the steps of
     * GET /api/partnerships/{actor}/{counterpart}/history?from=&to=: a step names the events taking effect on its day,
     * the answer's events say what each is, and the step's state how certain the instrument then is.
     */
    private List<String> events(final FigureCount count) {
        final String partnership = PartnershipKey.of(count.actor().name(), count.counterpart());
        final Optional<Answers.History> answer = queries.history(partnership, count.from(), count.asOf(), null);
        if (answer.isEmpty()) {
            return List.of();
        }
        final Map<String, EventEntry> events = answer.get().events().stream()
                .collect(Collectors.toMap(EventEntry::getEventId, Function.identity(), (first, again) -> first));
        final Set<String> counted = new LinkedHashSet<>();
        for (final StepView step : answer.get().steps()) {
            for (final String eventId : step.eventIds()) {
                final EventEntry event = events.get(eventId);
                if (event != null && count.matches(event) && certain(count, step, event) && inWindow(count, event)) {
                    counted.add(eventId);
                }
            }
        }
        return List.copyOf(counted);
    }

    /**
     * Whether the event happened within the figure's window: certainly, every day its date allows lies in it; with ANY,
     * it took effect in the window, which the step already says. A date known only by bounds that become certain in
     * the window ("no later than March 2022") may have happened before it.
     */
    private static boolean inWindow(final FigureCount count, final EventEntry event) {
        final DateClaim date = DateClaim.of(event);
        return count.certainty() != CertaintyFilter.CERTAIN
                || (count.from() == null || !date.earliestDay().isBefore(count.from()))
                && (count.asOf() == null || !date.latestDay().isAfter(count.asOf()));
    }

    /** Whether the step's state holds the event's instrument with the certainty the figure states. */
    private static boolean certain(final FigureCount count, final StepView step, final EventEntry event) {
        return step.state().instruments().stream()
                .filter(instrument -> instrument.getType() == event.getInstrument()
                        && Objects.equals(instrument.getKey(), event.getInstrumentKey()))
                .anyMatch(instrument -> count.certainty().status(instrument).isPresent());
    }

    private static String instrument(final PartnershipView partnership, final InstrumentState instrument) {
        return partnership.key() + " " + instrument.getType().name() + (instrument.getKey() == null ? "" : " " + instrument.getKey());
    }
}
