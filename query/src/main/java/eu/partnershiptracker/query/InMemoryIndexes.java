package eu.partnershiptracker.query;

import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.index.EntryLookup;
import eu.partnershiptracker.core.index.PartnershipIndex;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The indexes of timelines held in memory, built at once: so that {@link TimelineQueries} over
 * {@link InMemoryTimelines} (the quality report's figures, tests) answers on the same fast path as over the streams
 * application's indexes.
 */
public final class InMemoryIndexes implements IndexedShare {

    private final Map<String, Timeline> timelines;
    private final Map<String, PartnershipIndex> indexes;

    private InMemoryIndexes(final Map<String, Timeline> timelines, final Map<String, PartnershipIndex> indexes) {
        this.timelines = timelines;
        this.indexes = indexes;
    }

    /** The index of each timeline, by partnership key. */
    public static InMemoryIndexes of(final Map<String, Timeline> timelines) {
        final Map<String, Timeline> copy = new TreeMap<>(Objects.requireNonNull(timelines, "timelines"));
        final Map<String, PartnershipIndex> indexes = new TreeMap<>();
        copy.forEach((key, timeline) -> indexes.put(key, PartnershipIndex.of(timeline.changeCount(),
                timeline.entries())));
        return new InMemoryIndexes(copy, indexes);
    }

    @Override
    public Optional<PartnershipIndex> index(final String partnership) {
        return Optional.ofNullable(indexes.get(Objects.requireNonNull(partnership, "partnership")));
    }

    @Override
    public EntryLookup entries(final String partnership) {
        final Timeline timeline = timelines.getOrDefault(Objects.requireNonNull(partnership, "partnership"),
                Timeline.EMPTY);
        return timeline::find;
    }

    @Override
    public void forEach(final BiConsumer<String, PartnershipIndex> action) {
        indexes.forEach(action);
    }
}
