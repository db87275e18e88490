package eu.partnershiptracker.query;

import eu.partnershiptracker.model.EventEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The answers of the query layer, shaped as docs/API.md describes them. An answer over all partnerships is computed
 * by each instance over its share and merged by its {@code merge}, so that every instance gives the answer one
 * instance holding everything would give.
 */
public final class Answers {

    private Answers() {
    }

    private static <A, T> List<T> concat(final List<A> shares, final Function<A, List<T>> items) {
        return shares.stream().flatMap(share -> items.apply(share).stream()).toList();
    }

    private static <T> List<T> sorted(final List<T> items, final Comparator<T> order) {
        return items.stream().sorted(order).toList();
    }

    /** {@code GET /api/partnerships}, its items sorted by key. */
    public record PartnershipList(LocalDate asOf, Instant knownAt, int count, List<PartnershipView> items) {

        public PartnershipList {
            items = List.copyOf(items);
        }

        public static PartnershipList of(final QueryTime time, final List<PartnershipView> items) {
            return new PartnershipList(time.asOf(), time.knownAt(), items.size(), sorted(items, PartnershipView.BY_KEY));
        }

        /** The answer of instances holding disjoint shares of the partnerships, as one instance would give it. */
        public static PartnershipList merge(final List<PartnershipList> shares) {
            return of(new QueryTime(shares.get(0).asOf(), shares.get(0).knownAt()),
                    concat(shares, PartnershipList::items));
        }
    }

    /** {@code GET /api/partnerships/{actor}/{counterpart}/history}. */
    public record History(String key, Instant knownAt, List<EventEntry> events, List<StepView> steps) {

        public History {
            Objects.requireNonNull(key, "key");
            events = List.copyOf(events);
            steps = List.copyOf(steps);
        }
    }

    /** {@code GET /api/changes}, its items in {@link StepView#ORDER}. */
    public record ChangeList(LocalDate from, LocalDate to, Instant knownAt, int count, List<StepView> items) {

        public ChangeList {
            items = List.copyOf(items);
        }

        public static ChangeList of(final LocalDate from, final LocalDate to, final Instant knownAt,
                final List<StepView> items) {
            return new ChangeList(from, to, knownAt, items.size(), sorted(items, StepView.ORDER));
        }

        /** The replays of instances holding disjoint shares of the partnerships, as one instance would give it. */
        public static ChangeList merge(final List<ChangeList> shares) {
            final ChangeList first = shares.get(0);
            return of(first.from(), first.to(), first.knownAt(), concat(shares, ChangeList::items));
        }
    }

    /**
     * {@code GET /api/stats}: partnerships, and the instruments {@code certainty} counts (CERTAIN: those whose status is
     * certain; ANY: every one at its highest step) by actor, type and status; {@code byCertainty} counts every
     * instrument by the certainty of its highest step, so it shows how many a CERTAIN count leaves out.
     */
    public record Stats(LocalDate asOf, Instant knownAt, CertaintyFilter certainty, int partnerships,
            Map<String, Integer> byActor, Map<String, Integer> byInstrument, Map<String, Integer> byStatus,
            Map<String, Integer> byCertainty) {

        public Stats {
            Objects.requireNonNull(certainty, "certainty");
            byActor = Collections.unmodifiableSortedMap(new TreeMap<>(byActor));
            byInstrument = Collections.unmodifiableSortedMap(new TreeMap<>(byInstrument));
            byStatus = Collections.unmodifiableSortedMap(new TreeMap<>(byStatus));
            byCertainty = Collections.unmodifiableSortedMap(new TreeMap<>(byCertainty));
        }

        /** Disjoint shares of the partnerships count up. */
        public static Stats merge(final List<Stats> shares) {
            final Stats first = shares.get(0);
            return new Stats(first.asOf(), first.knownAt(), first.certainty(),
                    shares.stream().mapToInt(Stats::partnerships).sum(), sum(shares, Stats::byActor),
                    sum(shares, Stats::byInstrument), sum(shares, Stats::byStatus), sum(shares, Stats::byCertainty));
        }

        private static Map<String, Integer> sum(final List<Stats> shares,
                final Function<Stats, Map<String, Integer>> counts) {
            final Map<String, Integer> sums = new TreeMap<>();
            shares.forEach(share -> counts.apply(share).forEach((key, count) -> sums.merge(key, count, Integer::sum)));
            return sums;
        }
    }

    /**
     * {@code GET /api/stats/timeline}: running totals per year, from the first year with a signature or an entry into
     * force to the last year in which a total changed.
     */
    public record StatsTimeline(Instant knownAt, CertaintyFilter certainty, List<YearPoint> points) {

        public StatsTimeline {
            Objects.requireNonNull(certainty, "certainty");
            points = List.copyOf(points);
        }

        /**
         * Each share's points are running totals over its own span of years: before its first point it counts
         * nothing, after its last it keeps its last totals. The merged span is the union of the shares' spans.
         */
        public static StatsTimeline merge(final List<StatsTimeline> shares) {
            final StatsTimeline first = shares.get(0);
            final List<TreeMap<Integer, YearPoint>> byYear = shares.stream().map(share -> share.points().stream()
                    .collect(Collectors.toMap(YearPoint::year, Function.identity(), (a, b) -> b, TreeMap::new)))
                    .toList();
            final TreeSet<Integer> years = new TreeSet<>();
            byYear.forEach(series -> years.addAll(series.keySet()));
            if (years.isEmpty()) {
                return new StatsTimeline(first.knownAt(), first.certainty(), List.of());
            }
            final List<YearPoint> points = new ArrayList<>();
            for (int year = years.first(); year <= years.last(); year++) {
                final int upTo = year;
                final List<YearPoint> latest = byYear.stream().map(series -> series.floorEntry(upTo))
                        .filter(Objects::nonNull).map(Map.Entry::getValue).toList();
                points.add(new YearPoint(year, latest.stream().mapToInt(YearPoint::signed).sum(),
                        latest.stream().mapToInt(YearPoint::inForce).sum()));
            }
            // Shares that change in one year in opposite directions leave the whole unchanged: trim as the whole does.
            return new StatsTimeline(first.knownAt(), first.certainty(), trimmed(points));
        }

        /** Without leading years that count nothing and trailing years in which no total changed. */
        static List<YearPoint> trimmed(final List<YearPoint> points) {
            int first = 0;
            while (first < points.size() && points.get(first).signed() == 0 && points.get(first).inForce() == 0) {
                first++;
            }
            int last = points.size() - 1;
            while (last > first && points.get(last).signed() == points.get(last - 1).signed()
                    && points.get(last).inForce() == points.get(last - 1).inForce()) {
                last--;
            }
            return first > last ? List.of() : List.copyOf(points.subList(first, last + 1));
        }
    }

    /** How many instruments had been signed, and had entered into force, by the end of a year. */
    public record YearPoint(int year, int signed, int inForce) {
    }
}
