package eu.partnershiptracker.quality;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.model.Certainty;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.query.Answers;
import eu.partnershiptracker.query.CertaintyFilter;
import eu.partnershiptracker.query.PartnershipFilter;
import eu.partnershiptracker.query.PartnershipView;
import eu.partnershiptracker.query.QueryTime;
import eu.partnershiptracker.query.TimelineQueries;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Counts what a figure counts over the record, through the API's queries where the figure says so, and says which
 * instruments or events made up the count.
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

    private final List<PolicyEvent> facts;
    private final TimelineQueries queries;

    /**
     * @param facts   the effective events (see {@link PartnershipTimelines#facts()})
     * @param queries the API's queries over the same events
     */
    public FigureCheck(final List<PolicyEvent> facts, final TimelineQueries queries) {
        this.facts = List.copyOf(Objects.requireNonNull(facts, "facts"));
        this.queries = Objects.requireNonNull(queries, "queries");
    }

    public Result check(final Figure figure) {
        Objects.requireNonNull(figure, "figure");
        final FigureCount count = figure.count();
        if (count.throughQuery()) {
            final List<String> counted = throughQuery(count);
            return new Result(figure, counted.size(), counted);
        }
        final Set<String> matching = new LinkedHashSet<>();
        final List<String> events = new ArrayList<>();
        for (final PolicyEvent event : facts) {
            if (count.matches(event)) {
                matching.add(instrument(event.getActor().name(), event.getCounterpart(), event.getInstrument().name(),
                        event.getInstrumentKey()));
                events.add(event.getEventId());
            }
        }
        final List<String> counted = count.unit() == FigureCount.Unit.EVENTS ? events : List.copyOf(matching);
        return new Result(figure, counted.size(), counted);
    }

    /** The instruments the API's partnership list names, as GET /api/partnerships would list them. */
    private List<String> throughQuery(final FigureCount count) {
        final List<String> counted = new ArrayList<>();
        final CertaintyFilter certainty = count.certainty() == Certainty.CERTAIN ? CertaintyFilter.CERTAIN
                : CertaintyFilter.ANY;
        final Answers.PartnershipList answer = queries.partnerships(new QueryTime(count.asOf(), null),
                new PartnershipFilter(count.actor(), count.instrument(), count.status(), certainty));
        for (final PartnershipView partnership : answer.items()) {
            for (final InstrumentState instrument : partnership.instruments()) {
                if (count.matches(partnership.actor(), partnership.counterpart(), instrument)) {
                    counted.add(instrument(partnership.actor().name(), partnership.counterpart(),
                            instrument.getType().name(), instrument.getKey()));
                }
            }
        }
        return counted;
    }

    private static String instrument(final String actor, final String counterpart, final String type,
            final String key) {
        return PartnershipKey.of(actor, counterpart) + " " + type + (key == null ? "" : " " + key);
    }
}
