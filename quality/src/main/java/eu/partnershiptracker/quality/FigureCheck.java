package eu.partnershiptracker.quality;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.model.PolicyEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Counts what a figure counts over the record, and says which instruments or events made up the count. */
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
    private final List<UndatedFact> undated;

    /**
     * @param facts   the effective events (see {@link PartnershipTimelines#facts()})
     * @param undated the undated facts (not the unrealised steps)
     */
    public FigureCheck(final List<PolicyEvent> facts, final List<UndatedFact> undated) {
        this.facts = List.copyOf(Objects.requireNonNull(facts, "facts"));
        this.undated = List.copyOf(Objects.requireNonNull(undated, "undated"));
    }

    public Result check(final Figure figure) {
        Objects.requireNonNull(figure, "figure");
        final FigureCount count = figure.count();
        final Set<String> matching = new LinkedHashSet<>();
        final List<String> events = new ArrayList<>();
        for (final PolicyEvent event : facts) {
            if (count.matches(event)) {
                matching.add(instrument(event.getActor().name(), event.getCounterpart(), event.getInstrument().name(),
                        event.getInstrumentKey()));
                events.add(event.getEventId());
            }
        }
        for (final UndatedFact fact : undated) {
            for (final String counterpart : fact.counterparts()) {
                if (count.matches(fact, counterpart, figure.source())) {
                    final String instrument = instrument(fact.actor().name(), counterpart, fact.instrument().name(),
                            fact.key());
                    matching.add(instrument);
                    events.add("undated " + instrument + " " + fact.kind());
                }
            }
        }
        final List<String> counted = count.unit() == FigureCount.Unit.EVENTS ? events : List.copyOf(matching);
        return new Result(figure, counted.size(), counted);
    }

    private static String instrument(final String actor, final String counterpart, final String type,
            final String key) {
        return PartnershipKey.of(actor, counterpart) + " " + type + (key == null ? "" : " " + key);
    }
}
