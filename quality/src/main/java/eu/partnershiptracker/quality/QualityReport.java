package eu.partnershiptracker.quality;

import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.ConflictType;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PolicyEvent;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the record holds, generated from it: event counts by actor, instrument, year (of exact dates) and precision, the
 * conflicts the streams fold finds, the undated facts, the dated mentions left out by reason, and how the seed-stated
 * figures fare when counted through the API's queries.
 */
public record QualityReport(int events, SortedMap<Actor, Long> byActor, SortedMap<InstrumentType, Long> byInstrument,
        SortedMap<Integer, Long> byYear, SortedMap<String, Long> byPrecision,
        List<PartnershipTimelines.PartnershipConflict> conflicts, int undatedFacts, int unrealisedSteps,
        ExcludedMentions excluded, List<FigureCheck.Result> figures, int unreproducibleFigures) {

    private static final String BOUNDED = "BOUNDS";

    public QualityReport {
        // Enums sort in declaration order, so every table reads in the order of the Avro enum.
        byActor = Collections.unmodifiableSortedMap(new TreeMap<>(byActor));
        byInstrument = Collections.unmodifiableSortedMap(new TreeMap<>(byInstrument));
        byYear = Collections.unmodifiableSortedMap(new TreeMap<>(byYear));
        byPrecision = Collections.unmodifiableSortedMap(new TreeMap<>(byPrecision));
        conflicts = List.copyOf(conflicts);
        Objects.requireNonNull(excluded, "excluded");
        figures = List.copyOf(figures);
    }

    public static QualityReport of(final Dataset dataset) {
        Objects.requireNonNull(dataset, "dataset");
        final List<PolicyEvent> events = dataset.events();
        final PartnershipTimelines timelines = PartnershipTimelines.of(events);
        final FigureCheck check = new FigureCheck(timelines.queries());
        return new QualityReport(
                events.size(),
                countBy(events, PolicyEvent::getActor),
                countBy(events, PolicyEvent::getInstrument),
                countBy(events.stream().filter(event -> event.getEventDate() != null).toList(),
                        event -> event.getEventDate().getDate().getYear()),
                countBy(events, QualityReport::precision),
                timelines.conflicts(),
                dataset.undated().facts().size(),
                dataset.undated().unrealised().size(),
                dataset.excluded(),
                dataset.figures().figures().stream().map(check::check).toList(),
                dataset.figures().unreproducible());
    }

    /** DAY, MONTH or YEAR for an exact date; BOUNDS for a date known only by bounds, which has no one precision. */
    private static String precision(final PolicyEvent event) {
        return event.getEventDate() == null ? BOUNDED : event.getEventDate().getPrecision().name();
    }

    /** Events whose date is known only by bounds. */
    public long boundedEvents() {
        return byPrecision.getOrDefault(BOUNDED, 0L);
    }

    /** The conflicts kept, by type (DATES, ORDER, ...). */
    public SortedMap<ConflictType, Long> conflictsByType() {
        return conflicts.stream().collect(Collectors.groupingBy(each -> each.conflict().getType(), TreeMap::new,
                Collectors.counting()));
    }

    /** The figures whose count differs from what the seed states. */
    public List<FigureCheck.Result> failingFigures() {
        return figures.stream().filter(result -> !result.reproduced()).toList();
    }

    private static <K extends Comparable<K>> SortedMap<K, Long> countBy(final List<PolicyEvent> events,
            final Function<PolicyEvent, K> key) {
        return events.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }
}
