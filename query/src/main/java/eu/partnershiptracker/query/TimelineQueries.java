package eu.partnershiptracker.query;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.core.PartialDates;
import eu.partnershiptracker.core.fold.PartnershipFold;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.core.history.HistoryStep;
import eu.partnershiptracker.core.history.ValidTimeReplay;
import eu.partnershiptracker.core.index.PartnershipIndex;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.DatePrecision;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PartialDate;
import eu.partnershiptracker.model.PartnershipState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Queries over the timelines in one store (this instance's share of the partnerships). The reference answers are
 * derived with {@link PartnershipFold#stateAsOf} (through {@link QueryTime}, which first cuts the timeline at knownAt)
 * and every replay with {@link ValidTimeReplay}, so the API agrees with the change feed and with itself. When the
 * share's indexes are at hand, the questions without knownAt are answered from them instead, which give exactly the
 * fold's states: one partnership in O(log n) plus its listed events (without them, its summary alone), lists and
 * counts from each index's summary without folding any timeline, replays with the index's state at each step. Every
 * question with knownAt folds.
 */
public final class TimelineQueries {

    private final Supplier<ReadOnlyKeyValueStore<String, Timeline>> store;
    private final Supplier<Optional<IndexedShare>> indexes;

    /** Queries that fold the store's timelines: a standby or stale copy, which has no indexes. */
    public TimelineQueries(final Supplier<ReadOnlyKeyValueStore<String, Timeline>> store) {
        this(store, Optional::empty);
    }

    /**
     * Queries that read the indexes of the store's partnerships when {@code indexes} has them for the whole store at
     * the time of a query (asked once per query), and fold its timelines when it is empty.
     */
    public TimelineQueries(final Supplier<ReadOnlyKeyValueStore<String, Timeline>> store,
            final Supplier<Optional<IndexedShare>> indexes) {
        this.store = Objects.requireNonNull(store, "store");
        this.indexes = Objects.requireNonNull(indexes, "indexes");
    }

    /** One partnership with its timeline at a time of query, empty when nothing of it is known then. */
    public Optional<PartnershipView> partnership(final String key, final QueryTime time) {
        return one(key, time, (share, index) -> index.stateAsOf(time.asOf(), share.entries(key)),
                PartnershipView::withEvents);
    }

    /**
     * One partnership at a time of query without its timeline, as lists show it: its instrument statuses and conflicts
     * from its index without reading any event, else folded; empty when nothing of it is known then.
     */
    public Optional<PartnershipView> summary(final String key, final QueryTime time) {
        return one(key, time, (share, index) -> index.summaryAsOf(time.asOf()), PartnershipView::summary);
    }

    /**
     * One partnership's state from its index when the share has one ({@code fromIndex}, for queries without knownAt),
     * else folded from its timeline, shown by {@code view}.
     */
    private Optional<PartnershipView> one(final String key, final QueryTime time,
            final BiFunction<IndexedShare, PartnershipIndex, PartnershipState> fromIndex,
            final Function<PartnershipState, PartnershipView> view) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(time, "time");
        final Optional<IndexedShare> share = indexed(time);
        if (share.isPresent()) {
            return share.get().index(key).map(index -> fromIndex.apply(share.get(), index)).map(view);
        }
        // The fold cuts the timeline at knownAt itself, and has no state when nothing had been recorded by then.
        return Optional.ofNullable(store.get().get(key)).map(time::state).map(view);
    }

    /** The partnerships the filter keeps at a time of query, sorted by key. */
    public Answers.PartnershipList partnerships(final QueryTime time, final PartnershipFilter filter) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(filter, "filter");
        final List<PartnershipView> items = new ArrayList<>();
        forEachState(time, state -> {
            if (filter.keeps(state)) {
                items.add(PartnershipView.summary(state));
            }
        });
        return Answers.PartnershipList.of(time, items);
    }

    /**
     * Every event recorded for a partnership up to {@code knownAt} (null: ever), with its audit trail, and the
     * valid-time replay within [from, to] (null: open); empty when the partnership is unknown then.
     */
    public Optional<Answers.History> history(final String key, final LocalDate from, final LocalDate to,
            final Instant knownAt) {
        final QueryTime time = new QueryTime(null, knownAt);
        return timeline(key, time).map(timeline -> new Answers.History(key, knownAt,
                PartnershipFold.auditTrail(timeline), steps(key, timeline, from, to, time, indexed(time))));
    }

    /** The replay of every partnership within [from, to] (null: open) as known at an instant (null: now). */
    public Answers.ChangeList changes(final LocalDate from, final LocalDate to, final Instant knownAt) {
        final QueryTime time = new QueryTime(null, knownAt);
        final List<StepView> items = new ArrayList<>();
        // Asked once for the whole answer: finding the active partitions' indexes costs a look at every task and store.
        final Optional<IndexedShare> share = indexed(time);
        forEachTimeline((key, timeline) -> steps(key, time.known(timeline), from, to, time, share)
                .forEach(step -> items.add(step.withKey(key))));
        return Answers.ChangeList.of(from, to, knownAt, items);
    }

    /**
     * How many partnerships have a state at a time of query, their instruments that {@code certainty} counts by actor,
     * type and status, and all their instruments by the certainty of their highest step.
     */
    public Answers.Stats stats(final QueryTime time, final CertaintyFilter certainty) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(certainty, "certainty");
        final Map<String, Integer> byActor = new TreeMap<>();
        final Map<String, Integer> byInstrument = new TreeMap<>();
        final Map<String, Integer> byStatus = new TreeMap<>();
        final Map<String, Integer> byCertainty = new TreeMap<>();
        final List<PartnershipState> states = new ArrayList<>();
        // A partnership known only by its conflicts as of this date has nothing to count yet.
        forEachState(time, state -> {
            if (!state.getInstruments().isEmpty()) {
                states.add(state);
            }
        });
        for (final PartnershipState state : states) {
            for (final InstrumentState instrument : state.getInstruments()) {
                byCertainty.merge(CertaintyFilter.ofHighestStep(instrument).name(), 1, Integer::sum);
                certainty.status(instrument).ifPresent(status -> {
                    byActor.merge(state.getActor().name(), 1, Integer::sum);
                    byInstrument.merge(instrument.getType().name(), 1, Integer::sum);
                    byStatus.merge(status.name(), 1, Integer::sum);
                });
            }
        }
        return new Answers.Stats(time.asOf(), time.knownAt(), certainty, states.size(), byActor, byInstrument,
                byStatus, byCertainty);
    }

    /**
     * Per year, how many instruments had been signed and had entered into force by its end (31 December), each year's
     * states taken on their own (from the indexes, or folded) so that a signature known only by bounds counts from when
     * it is certain (or, with ANY, possible). The points run from the first year with a signature or an entry into
     * force to the last year in which a total changed; null filters match everything.
     */
    public Answers.StatsTimeline statsTimeline(final Actor actor, final InstrumentType instrument,
            final CertaintyFilter certainty, final Instant knownAt) {
        Objects.requireNonNull(certainty, "certainty");
        final QueryTime time = new QueryTime(null, knownAt);
        final List<Answers.YearPoint> points = new ArrayList<>();
        final Optional<IndexedShare> share = indexed(time);
        final Optional<int[]> span;
        final Function<LocalDate, List<PartnershipState>> statesAt;
        if (share.isPresent()) {
            final List<PartnershipIndex> each = new ArrayList<>();
            final List<LocalDate> claimed = new ArrayList<>();
            final List<LocalDate> changed = new ArrayList<>();
            share.get().forEach((key, index) -> {
                each.add(index);
                Optional.ofNullable(index.firstClaimedDay(share.get().entries(key))).ifPresent(claimed::add);
                Optional.ofNullable(index.lastChangeDay()).ifPresent(changed::add);
            });
            // After the last day any state changes every total stays as it is, and the trim drops those years.
            span = indexedYears(claimed, changed);
            statesAt = yearEnd -> each.stream().map(index -> index.summaryAsOf(yearEnd)).toList();
        } else {
            final List<Timeline> timelines = new ArrayList<>();
            forEachTimeline((key, timeline) -> timelines.add(time.known(timeline)));
            span = yearsClaimed(timelines);
            // Already cut at knownAt above, once for every year.
            statesAt = yearEnd -> timelines.stream().map(known -> PartnershipFold.stateAsOf(known, yearEnd)).toList();
        }
        if (span.isPresent()) {
            for (int year = span.get()[0]; year <= span.get()[1]; year++) {
                int signed = 0;
                int inForce = 0;
                for (final PartnershipState state : statesAt.apply(LocalDate.of(year, 12, 31))) {
                    if (state == null || (actor != null && actor != state.getActor())) {
                        continue;
                    }
                    for (final InstrumentState candidate : state.getInstruments()) {
                        if (instrument == null || instrument == candidate.getType()) {
                            signed += reached(candidate, certainty, InstrumentStatus.SIGNED,
                                    InstrumentState::getSignedOn) ? 1 : 0;
                            inForce += reached(candidate, certainty, InstrumentStatus.IN_FORCE,
                                    InstrumentState::getInForceFrom) ? 1 : 0;
                        }
                    }
                }
                points.add(new Answers.YearPoint(year, signed, inForce));
            }
        }
        return new Answers.StatsTimeline(knownAt, certainty, Answers.StatsTimeline.trimmed(points));
    }

    /** The first and last years any event's date or bounds name, empty when there are none. */
    private static Optional<int[]> yearsClaimed(final List<Timeline> timelines) {
        final List<Integer> years = new ArrayList<>();
        for (final Timeline timeline : timelines) {
            for (final TimelineEntry entry : timeline.entries()) {
                final DateClaim claim = DateClaim.of(entry.event());
                claim.possibleFrom().ifPresent(day -> years.add(day.getYear()));
                claim.certainFrom().ifPresent(day -> years.add(day.getYear()));
            }
        }
        return years.isEmpty() ? Optional.empty() : Optional.of(new int[] {
            years.stream().min(Integer::compare).orElseThrow(), years.stream().max(Integer::compare).orElseThrow()});
    }

    /**
     * The years from the first any entry names to the last in which any state changes (at least the first), empty when
     * no entry names a day.
     */
    private static Optional<int[]> indexedYears(final List<LocalDate> claimed, final List<LocalDate> changed) {
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        final int first = claimed.stream().mapToInt(LocalDate::getYear).min().orElseThrow();
        return Optional.of(new int[] {first, Math.max(first,
                changed.stream().mapToInt(LocalDate::getYear).max().orElse(first))});
    }

    /**
     * Whether an instrument had taken a step of the signature-to-force track: its dated step is recorded, or the status
     * {@code certainty} counts lies between the step and IN_FORCE (ACTIVE and the later stages belong to other kinds of
     * instrument, or keep the date of their step).
     */
    private static boolean reached(final InstrumentState instrument, final CertaintyFilter certainty,
            final InstrumentStatus step, final Function<InstrumentState, PartialDate> dated) {
        if (dated.apply(instrument) != null) {
            return true;
        }
        return certainty.status(instrument)
                .filter(status -> status.compareTo(step) >= 0 && status.compareTo(InstrumentStatus.IN_FORCE) <= 0)
                .isPresent();
    }

    /**
     * The replay of a partnership's timeline as known at the time of query. Its states come from the partnership's
     * index when there is one holding exactly the timeline's entries (the processor may have accepted one more since
     * the rows were read), else from the fold.
     *
     * @param share the indexes the query reads, asked for once per query
     */
    private static List<StepView> steps(final String key, final Timeline known, final LocalDate from,
            final LocalDate to, final QueryTime time, final Optional<IndexedShare> share) {
        final Optional<PartnershipIndex> index = share.flatMap(indexes -> indexes.index(key))
                .filter(candidate -> candidate.size() == known.entries().size());
        final List<HistoryStep> steps = index.isPresent()
                ? ValidTimeReplay.replay(known, from, to, index.get()::summaryAsOf)
                : ValidTimeReplay.replay(known, from, to);
        return steps.stream().map(step -> step(known, step, time)).toList();
    }

    /**
     * A step's date is written as precisely as the most precise of its events states it; when they state only bounds,
     * the step is dated by the bound it is placed at, as stated, and carries the bounds.
     */
    private static StepView step(final Timeline timeline, final HistoryStep step, final QueryTime time) {
        final List<DateClaim> claims = step.eventIds().stream()
                .map(timeline::find)
                .flatMap(Optional::stream)
                .map(entry -> DateClaim.of(entry.event()))
                .toList();
        final Optional<DatePrecision> precision = claims.stream().filter(claim -> !claim.isBounded())
                .map(claim -> claim.exact().getPrecision())
                .min(Comparator.naturalOrder());
        final PartnershipView state = PartnershipView.summary(time.stamped(step.state()));
        if (precision.isPresent() || claims.isEmpty()) {
            return new StepView(null, new PartialDate(step.date(), precision.orElse(DatePrecision.DAY)), null,
                    step.eventIds(), step.transitions(), state);
        }
        final DateClaim bounded = claims.get(0);
        return new StepView(null, placedAt(bounded, step.date()), bounded.bounds(), step.eventIds(),
                step.transitions(), state);
    }

    /** The bound whose period holds the step's day, else the one the claim has. */
    private static PartialDate placedAt(final DateClaim bounded, final LocalDate day) {
        final PartialDate lower = bounded.notBefore();
        final PartialDate upper = bounded.notAfter();
        if (lower != null && (upper == null || !day.isAfter(PartialDates.lastDay(lower)))) {
            return lower;
        }
        return upper;
    }

    /** The partnership's timeline as known at the time of query; empty when nothing of it had been recorded then. */
    private Optional<Timeline> timeline(final String key, final QueryTime time) {
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(store.get().get(key)).map(time::known)
                .filter(timeline -> !timeline.entries().isEmpty());
    }

    /** The share's indexes, when there are some and they can answer at this time (knownAt needs the fold). */
    private Optional<IndexedShare> indexed(final QueryTime time) {
        return time.knownAt() == null ? indexes.get() : Optional.empty();
    }

    /** Each partnership's state at a time of query, without its event list, where it has one. */
    private void forEachState(final QueryTime time, final Consumer<PartnershipState> action) {
        final Optional<IndexedShare> share = indexed(time);
        if (share.isPresent()) {
            share.get().forEach((key, index) -> Optional.ofNullable(index.summaryAsOf(time.asOf())).ifPresent(action));
            return;
        }
        forEachTimeline((key, timeline) -> Optional.ofNullable(time.state(timeline)).ifPresent(action));
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
