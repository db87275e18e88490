package eu.partnershiptracker.benchmark.streams;

import static org.awaitility.Awaitility.await;

import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.streams.PartnershipTopology;
import eu.partnershiptracker.streams.TrackerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** One instance of the tracker's streams application (the real topology, exactly_once_v2) under the benchmark's control. */
public final class TrackerApp implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofMinutes(2);

    private final KafkaStreams streams;
    private final AtomicLong firstRunningNanos = new AtomicLong();

    private TrackerApp(final KafkaStreams streams) {
        this.streams = streams;
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                firstRunningNanos.compareAndSet(0, System.nanoTime());
            }
        });
    }

    /** Creates the application; nothing runs until {@link #start()}. */
    public static TrackerApp create(final TrackerConfig config, final StateRestoreListener restoreListener) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(restoreListener, "restoreListener");
        final KafkaStreams streams =
                new KafkaStreams(PartnershipTopology.buildTopology(config.topics(), config.serdeConfig()), config.streamsProperties());
        streams.setGlobalStateRestoreListener(restoreListener);
        return new TrackerApp(streams);
    }

    public void start() {
        streams.start();
    }

    /** System.nanoTime() when the application first reached RUNNING, 0 if it has not yet. */
    public long firstRunningNanos() {
        return firstRunningNanos.get();
    }

    /** Fails if the application has died: waiting for it would only run into the timeout. */
    public void checkAlive() {
        final KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR) {
            throw new IllegalStateException("the streams application failed (state " + state + ")");
        }
    }

    public void awaitRunning(final Duration timeout) {
        await("the streams application RUNNING").atMost(timeout).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    checkAlive();
                    return streams.state() == KafkaStreams.State.RUNNING;
                });
    }

    /** Stops processing (the store stays queryable), so that what is measured next has the machine to itself. */
    public void pause() {
        streams.pause();
    }

    /** The keys of the timelines in the store: one per partnership that has received an event. */
    public List<String> partnershipKeys() {
        final List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Timeline> all = timelines().all()) {
            while (all.hasNext()) {
                keys.add(all.next().key);
            }
        }
        return keys;
    }

    public ReadOnlyKeyValueStore<String, Timeline> timelines() {
        return streams.store(PartnershipTopology.timelines());
    }

    /** Stops the application and deletes its local state, so that the next start restores it from the changelog. */
    public void closeAndWipeState() {
        close();
        streams.cleanUp();
    }

    /** Leaves the group on the way out, so that a new instance gets the tasks at once, not after the session timeout. */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
    }
}
