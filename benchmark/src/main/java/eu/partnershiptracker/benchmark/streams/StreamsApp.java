package eu.partnershiptracker.benchmark.streams;

import static org.awaitility.Awaitility.await;

import eu.partnershiptracker.streams.PartnershipIndexes;
import eu.partnershiptracker.streams.PartnershipTopology;
import eu.partnershiptracker.streams.TrackerConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * One instance of a streams application under the benchmark's control: the tracker's real topology, or the
 * pass-through yardstick, with the same Streams configuration.
 */
public final class StreamsApp implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofMinutes(2);
    private static final String PRODUCER_TOPIC_METRICS = "producer-topic-metrics";
    private static final String RECORD_SEND_TOTAL = "record-send-total";

    private final KafkaStreams streams;
    private final PartnershipIndexes indexes;
    private final AtomicLong firstRunningNanos = new AtomicLong();

    private StreamsApp(final KafkaStreams streams, final PartnershipIndexes indexes) {
        this.streams = streams;
        this.indexes = indexes;
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                firstRunningNanos.compareAndSet(0, System.nanoTime());
            }
        });
    }

    /**
     * The tracker, built through its public entry point, its indexes published for the queries as the service's are;
     * nothing runs until {@link #start()}.
     */
    public static StreamsApp tracker(final TrackerConfig config, final StateRestoreListener restoreListener) {
        Objects.requireNonNull(config, "config");
        final PartnershipIndexes indexes = new PartnershipIndexes();
        return of(PartnershipTopology.buildTopology(config.topics(), config.serdeConfig(), indexes),
                config.streamsProperties(), restoreListener, indexes);
    }

    /** Any topology with these properties; nothing runs until {@link #start()}. */
    public static StreamsApp of(final Topology topology, final Properties properties,
            final StateRestoreListener restoreListener) {
        // A topology other than the tracker's publishes no indexes.
        return of(topology, properties, restoreListener, new PartnershipIndexes());
    }

    private static StreamsApp of(final Topology topology, final Properties properties,
            final StateRestoreListener restoreListener, final PartnershipIndexes indexes) {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(restoreListener, "restoreListener");
        final KafkaStreams streams = new KafkaStreams(topology, properties);
        streams.setGlobalStateRestoreListener(restoreListener);
        return new StreamsApp(streams, indexes);
    }

    public void start() {
        streams.start();
    }

    /** The running application, for the query code (as the API reads it) and its metrics. */
    public KafkaStreams streams() {
        return streams;
    }

    /** The producers' record-send-total per topic, summed over the application's producers. */
    public Map<String, Double> recordsSentByTopic() {
        final Map<String, Double> sent = new TreeMap<>();
        streams.metrics().forEach((name, metric) -> {
            if (PRODUCER_TOPIC_METRICS.equals(name.group()) && RECORD_SEND_TOTAL.equals(name.name())
                    && metric.metricValue() instanceof Double value) {
                sent.merge(name.tags().get("topic"), value, Double::sum);
            }
        });
        return sent;
    }

    /** Where the tracker's tasks publish their indexes, for the query code (as the API reads them). */
    public PartnershipIndexes indexes() {
        return indexes;
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
