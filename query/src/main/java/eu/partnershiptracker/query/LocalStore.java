package eu.partnershiptracker.query;

import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.index.PartnershipIndex;
import eu.partnershiptracker.streams.PartnershipIndexes;
import eu.partnershiptracker.streams.PartnershipRows;
import eu.partnershiptracker.streams.PartnershipTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * This instance's copies of the timelines store, and the queries over them: the one place that wires
 * {@link TimelineQueries} to a running application (the HTTP API and the benchmark's in-process queries both ask here).
 * The active share is handed out only while the streams application is RUNNING: while it rebalances, the local store
 * may be missing partitions or hold ones that have moved away. A single partition, or every partition when this
 * instance holds a copy of each, can also be read from standby copies or during a rebalance; such a copy may lag behind
 * the active one, so it comes marked stale, and the answer must say so.
 *
 * <p>Queries over active partitions read the indexes their tasks publish in {@link PartnershipIndexes}; a partition
 * whose task has not published one (restoring, moving) and every stale copy (standbys run no processor, so they have
 * no index) are answered by folding their rows, as before the indexes.
 */
public final class LocalStore {

    /** Queries over a copy to answer from, and whether it may lag behind the active copy. */
    public record Copy(TimelineQueries queries, boolean stale) {

        public Copy {
            Objects.requireNonNull(queries, "queries");
        }
    }

    private final KafkaStreams streams;
    private final PartnershipIndexes indexes;

    /** @param indexes where the application's tasks publish their indexes (the topology's) */
    public LocalStore(final KafkaStreams streams, final PartnershipIndexes indexes) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.indexes = Objects.requireNonNull(indexes, "indexes");
    }

    /**
     * Queries over this instance's active share of every partition; only while RUNNING. Each query reads the indexes
     * when every active partition has published its own at that moment, else folds.
     */
    public TimelineQueries queries() {
        return new TimelineQueries(this::timelines, this::activeIndexes);
    }

    /** This instance's active share of every partition; only while RUNNING. */
    public ReadOnlyKeyValueStore<String, Timeline> timelines() {
        requireRunning(streams);
        return store(PartnershipTopology.timelines(), "the partnership store is not ready on this instance");
    }

    /**
     * The best copy of one partition held here: the active one while RUNNING, else a standby or the copy left from
     * before the rebalance, marked stale.
     *
     * @throws QueryUnavailableException when this instance holds no copy of the partition
     */
    public Copy partition(final int partition) {
        final StoreQueryParameters<ReadOnlyKeyValueStore<String, Timeline>> one =
                PartnershipTopology.timelines().withPartition(partition);
        if (streams.state() == KafkaStreams.State.RUNNING) {
            try {
                final ReadOnlyKeyValueStore<String, Timeline> active = resolved(one);
                return new Copy(new TimelineQueries(() -> active, () -> indexes(List.of(partition))), false);
            } catch (final InvalidStateStoreException notActiveHere) {
                // A standby's, or moving: the stale read below says which.
            }
        }
        requireReadable(streams);
        final ReadOnlyKeyValueStore<String, Timeline> copy =
                store(one.enableStaleStores(), "this instance holds no copy of partition " + partition);
        return new Copy(new TimelineQueries(() -> copy), true);
    }

    /**
     * Every partition, from whatever copies this instance holds (active, standby, or left from before a rebalance),
     * marked stale; empty unless it holds a copy of each of the {@code partitions}.
     */
    public Optional<Copy> everyPartition(final Set<Integer> partitions) {
        Objects.requireNonNull(partitions, "partitions");
        if (partitions.isEmpty() || !isReadable(streams.state())) {
            return Optional.empty();
        }
        for (final int partition : partitions) {
            try {
                resolved(PartnershipTopology.timelines().withPartition(partition).enableStaleStores());
            } catch (final InvalidStateStoreException notHere) {
                return Optional.empty();
            }
        }
        try {
            final ReadOnlyKeyValueStore<String, Timeline> copies =
                    streams.store(PartnershipTopology.timelines().enableStaleStores());
            return Optional.of(new Copy(new TimelineQueries(() -> copies), true));
        } catch (final InvalidStateStoreException moved) {
            return Optional.empty();
        }
    }

    /** The indexes of the active partitions, when RUNNING and each of them has published its own. */
    private Optional<IndexedShare> activeIndexes() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return Optional.empty();
        }
        return indexes(streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .map(task -> task.taskId().partition())
                .toList());
    }

    /** The published indexes of these partitions with the rows they list events from; empty unless each has one. */
    private Optional<IndexedShare> indexes(final List<Integer> partitions) {
        final List<PublishedIndexes.Partition> published = new ArrayList<>(partitions.size());
        for (final int partition : partitions) {
            final Optional<Map<String, PartnershipIndex>> share = indexes.partition(partition);
            if (share.isEmpty()) {
                return Optional.empty();
            }
            try {
                published.add(new PublishedIndexes.Partition(share.get(), PartnershipRows.readOnly(
                        streams.store(PartnershipTopology.rows().withPartition(partition)))));
            } catch (final InvalidStateStoreException moved) {
                return Optional.empty();
            }
        }
        return Optional.of(new PublishedIndexes(published));
    }

    /**
     * The store, checked to be here now: Kafka Streams looks the stores up only when they are read, so a partition
     * held nowhere on this instance would otherwise fail in the middle of an answer instead of here.
     */
    private ReadOnlyKeyValueStore<String, Timeline> resolved(
            final StoreQueryParameters<ReadOnlyKeyValueStore<String, Timeline>> parameters) {
        final ReadOnlyKeyValueStore<String, Timeline> store = streams.store(parameters);
        store.approximateNumEntries();
        return store;
    }

    private ReadOnlyKeyValueStore<String, Timeline> store(
            final StoreQueryParameters<ReadOnlyKeyValueStore<String, Timeline>> parameters, final String unavailable) {
        try {
            return resolved(parameters);
        } catch (final InvalidStateStoreException e) {
            throw new QueryUnavailableException(unavailable + " (" + e.getMessage() + "); retry in a moment", e);
        }
    }

    /** Throws unless the streams application is RUNNING, with a message saying what it is doing instead. */
    static void requireRunning(final KafkaStreams streams) {
        final KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.REBALANCING) {
            throw new QueryUnavailableException(
                    "the tracker is rebalancing partnerships between its instances; retry in a moment");
        }
        if (state != KafkaStreams.State.RUNNING) {
            throw new QueryUnavailableException("the streams application is " + state + ", not RUNNING");
        }
    }

    /** Throws unless the local stores can be read at all: RUNNING, or REBALANCING with the copies it had. */
    static void requireReadable(final KafkaStreams streams) {
        final KafkaStreams.State state = streams.state();
        if (!isReadable(state)) {
            throw new QueryUnavailableException("the streams application is " + state
                    + ", so no local copy can be read");
        }
    }

    private static boolean isReadable(final KafkaStreams.State state) {
        return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    }
}
