package eu.partnershiptracker.query;

import eu.partnershiptracker.core.fold.PartnershipFold;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.core.history.HistoryStep;
import eu.partnershiptracker.core.history.ValidTimeReplay;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.DatePrecision;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PartialDate;
import eu.partnershiptracker.model.PartnershipState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Queries over the timelines in one store (this instance's share of the partnerships). Every state is derived with
 * {@link PartnershipFold#stateAsOf} and every replay with {@link ValidTimeReplay}, so the API agrees with the change
 * feed and with itself.
 */
public final class TimelineQueries {

    private final Supplier<ReadOnlyKeyValueStore<String, Timeline>> store;

    public TimelineQueries(final Supplier<ReadOnlyKeyValueStore<String, Timeline>> store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** One partnership with its timeline, empty when it has no effective event by {@code asOf} (null: now). */
    public Optional<PartnershipView> partnership(final String key, final LocalDate asOf) {
        return timeline(key).map(timeline -> PartnershipFold.stateAsOf(timeline, asOf)).map(PartnershipView::withEvents);
    }

    /** The partnerships the filter keeps, as of a date (null: now), sorted by key. */
    public Answers.PartnershipList partnerships(final LocalDate asOf, final PartnershipFilter filter) {
        Objects.requireNonNull(filter, "filter");
        final List<PartnershipView> items = new ArrayList<>();
        forEachTimeline((key, timeline) -> {
            final PartnershipState state = PartnershipFold.stateAsOf(timeline, asOf);
            if (state != null && filter.keeps(state)) {
                items.add(PartnershipView.summary(state));
            }
        });
        return Answers.PartnershipList.of(asOf, items);
    }

    /**
     * Every event ever recorded for a partnership, with its audit trail, and the valid-time replay within [from, to]
     * (null: open); empty when the partnership is unknown.
     */
    public Optional<Answers.History> history(final String key, final LocalDate from, final LocalDate to) {
        return timeline(key).map(timeline ->
                new Answers.History(key, PartnershipFold.auditTrail(timeline), steps(timeline, from, to)));
    }

    /** The replay of every partnership within [from, to] (null: open), by date then key. */
    public Answers.ChangeList changes(final LocalDate from, final LocalDate to) {
        final List<StepView> items = new ArrayList<>();
        forEachTimeline((key, timeline) -> steps(timeline, from, to).forEach(step -> items.add(step.withKey(key))));
        return Answers.ChangeList.of(from, to, items);
    }

    /** How many partnerships have a state as of a date (null: now), and their instruments by actor, type and status. */
    public Answers.Stats stats(final LocalDate asOf) {
        final Map<String, Integer> byActor = new TreeMap<>();
        final Map<String, Integer> byInstrument = new TreeMap<>();
        final Map<String, Integer> byStatus = new TreeMap<>();
        final List<PartnershipState> states = new ArrayList<>();
        forEachTimeline((key, timeline) -> Optional.ofNullable(PartnershipFold.stateAsOf(timeline, asOf))
                .ifPresent(states::add));
        for (final PartnershipState state : states) {
            for (final InstrumentState instrument : state.getInstruments()) {
                byActor.merge(state.getActor().name(), 1, Integer::sum);
                byInstrument.merge(instrument.getType().name(), 1, Integer::sum);
                byStatus.merge(instrument.getStatus().name(), 1, Integer::sum);
            }
        }
        return new Answers.Stats(asOf, states.size(), byActor, byInstrument, byStatus);
    }

    /**
     * Per year, from the first signature or entry into force to the last, how many instruments of the current states
     * had been signed and had entered into force by the end of it; null filters match everything.
     */
    public Answers.StatsTimeline statsTimeline(final Actor actor, final InstrumentType instrument) {
        final List<InstrumentState> instruments = new ArrayList<>();
        forEachTimeline((key, timeline) -> {
            final PartnershipState state = PartnershipFold.stateAsOf(timeline, null);
            if (state != null && (actor == null || actor == state.getActor())) {
                state.getInstruments().stream()
                        .filter(candidate -> instrument == null || instrument == candidate.getType())
                        .forEach(instruments::add);
            }
        });
        final List<Integer> signed = years(instruments, InstrumentState::getSignedOn);
        final List<Integer> inForce = years(instruments, InstrumentState::getInForceFrom);
        final List<Integer> all = new ArrayList<>(signed);
        all.addAll(inForce);
        if (all.isEmpty()) {
            return new Answers.StatsTimeline(List.of());
        }
        final int first = all.stream().min(Integer::compare).orElseThrow();
        final int last = all.stream().max(Integer::compare).orElseThrow();
        final List<Answers.YearPoint> points = new ArrayList<>(last - first + 1);
        for (int year = first; year <= last; year++) {
            points.add(new Answers.YearPoint(year, countUpTo(signed, year), countUpTo(inForce, year)));
        }
        return new Answers.StatsTimeline(points);
    }

    private static List<Integer> years(final List<InstrumentState> instruments,
            final Function<InstrumentState, PartialDate> date) {
        return instruments.stream().map(date).filter(Objects::nonNull).map(d -> d.getDate().getYear()).toList();
    }

    private static int countUpTo(final List<Integer> years, final int year) {
        return (int) years.stream().filter(y -> y <= year).count();
    }

    private static List<StepView> steps(final Timeline timeline, final LocalDate from, final LocalDate to) {
        return ValidTimeReplay.replay(timeline, from, to).stream().map(step -> step(timeline, step)).toList();
    }

    /** A step's date is written as precisely as the most precise of its events states it. */
    private static StepView step(final Timeline timeline, final HistoryStep step) {
        final DatePrecision precision = step.eventIds().stream()
                .map(timeline::find)
                .flatMap(Optional::stream)
                .map(TimelineEntry::event)
                .map(event -> event.getEventDate().getPrecision())
                .min(Comparator.naturalOrder())
                .orElse(DatePrecision.DAY);
        return new StepView(null, new PartialDate(step.date(), precision), step.eventIds(), step.transitions(),
                PartnershipView.summary(step.state()));
    }

    private Optional<Timeline> timeline(final String key) {
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(store.get().get(key)).filter(timeline -> !timeline.entries().isEmpty());
    }

    private void forEachTimeline(final BiConsumer<String, Timeline> action) {
        try (KeyValueIterator<String, Timeline> all = store.get().all()) {
            while (all.hasNext()) {
                final KeyValue<String, Timeline> next = all.next();
                action.accept(next.key, next.value);
            }
        }
    }
}
