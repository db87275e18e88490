package eu.partnershiptracker.query;

import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.streams.PartnershipTopology;
import java.util.Objects;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * This instance's share of the timelines store, handed out only while the streams application is RUNNING: while it
 * rebalances, the local store may be missing partitions or hold ones that have moved away, so the answer would be wrong.
 */
public final class LocalStore {

    private final KafkaStreams streams;

    public LocalStore(final KafkaStreams streams) {
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    public ReadOnlyKeyValueStore<String, Timeline> timelines() {
        requireRunning(streams);
        try {
            return streams.store(PartnershipTopology.timelines());
        } catch (final InvalidStateStoreException e) {
            throw new QueryUnavailableException("the partnership store is not ready on this instance ("
                    + e.getMessage() + "); retry in a moment", e);
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
}
