package eu.partnershiptracker.query;

import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.streams.PartnershipTopology;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * This instance's copies of the timelines store. The active share is handed out only while the streams application is
 * RUNNING: while it rebalances, the local store may be missing partitions or hold ones that have moved away. A single
 * partition, or every partition when this instance holds a copy of each, can also be read from standby copies or
 * during a rebalance; such a copy may lag behind the active one, so it comes marked stale, and the answer must say so.
 */
public final class LocalStore {

    /** A store to answer from, and whether it may lag behind the active copy. */
    public record Copy(ReadOnlyKeyValueStore<String, Timeline> store, boolean stale) {

        public Copy {
            Objects.requireNonNull(store, "store");
        }
    }

    private final KafkaStreams streams;

    public LocalStore(final KafkaStreams streams) {
        this.streams = Objects.requireNonNull(streams, "streams");
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
                return new Copy(resolved(one), false);
            } catch (final InvalidStateStoreException notActiveHere) {
                // A standby's, or moving: the stale read below says which.
            }
        }
        requireReadable(streams);
        return new Copy(store(one.enableStaleStores(), "this instance holds no copy of partition " + partition),
                true);
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
            return Optional.of(new Copy(streams.store(PartnershipTopology.timelines().enableStaleStores()), true));
        } catch (final InvalidStateStoreException moved) {
            return Optional.empty();
        }
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
