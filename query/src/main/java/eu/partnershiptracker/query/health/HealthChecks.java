package eu.partnershiptracker.query.health;

import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.serde.AvroSerdeConfig;
import eu.partnershiptracker.serde.SchemaRegistryCheck;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Liveness and readiness of one tracker instance (docs/API.md, Health). Live while the streams application has not
 * failed: a restart would help only then. Ready while the streams application is RUNNING and the broker and the
 * registry answered their latest background probe; otherwise the instance still answers from its local state, but what
 * it answers may be stale.
 */
public final class HealthChecks implements AutoCloseable {

    /** How often the broker and the registry are probed. */
    public static final Duration PROBE_INTERVAL = Duration.ofSeconds(2);
    /** How long one probe may wait for an answer: a dead broker is reported within interval plus timeout. */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** The longest a broker check waits for its result: twice the call's own timeout, which it is given as well. */
    private static final Duration BROKER_CHECK_LIMIT = PROBE_TIMEOUT.multipliedBy(2);
    /**
     * How long a probe's answer counts: the longest check, and the next starts an interval after it ended; one more
     * interval is slack for a busy machine.
     */
    static final Duration ANSWER_MAX_AGE = PROBE_INTERVAL.multipliedBy(2).plus(BROKER_CHECK_LIMIT);

    static final String STREAMS = "streams";
    static final String KAFKA = "kafka";
    static final String REGISTRY = "registry";

    private final KafkaStreams streams;
    private final Admin admin;
    private final Probe kafka;
    private final Probe registry;
    private final ScheduledExecutorService scheduler;

    private HealthChecks(final KafkaStreams streams, final Admin admin, final Probe kafka, final Probe registry,
            final ScheduledExecutorService scheduler) {
        this.streams = streams;
        this.admin = admin;
        this.kafka = kafka;
        this.registry = registry;
        this.scheduler = scheduler;
    }

    /**
     * Starts probing the cluster's broker, and its registry by looking up the latest schema of {@code eventsTopic}'s
     * values (the question the startup check asks, answered by any Confluent API).
     *
     * @param serdeConfig the serdes' configuration: registry URL and credentials
     */
    public static HealthChecks start(final KafkaStreams streams, final ClusterSettings cluster,
            final Map<String, Object> serdeConfig, final String eventsTopic) {
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(serdeConfig, "serdeConfig");
        Objects.requireNonNull(eventsTopic, "eventsTopic");
        final Admin admin = Admin.create(cluster.withTimeout(PROBE_TIMEOUT).clientProperties());
        final Probe kafka = new Probe(KAFKA, () -> describeCluster(admin, cluster), ANSWER_MAX_AGE);
        final Map<String, Object> registryConfig = AvroSerdeConfig.withTimeout(serdeConfig, PROBE_TIMEOUT);
        final Probe registry = new Probe(REGISTRY, () -> {
            SchemaRegistryCheck.requireConfluentApi(registryConfig, eventsTopic);
            return Map.of();
        }, ANSWER_MAX_AGE);
        // One thread each, so that a registry timing out does not delay the news about the broker.
        final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, task -> {
            final Thread thread = new Thread(task, "tracker-health");
            thread.setDaemon(true);
            return thread;
        });
        kafka.schedule(scheduler, PROBE_INTERVAL);
        registry.schedule(scheduler, PROBE_INTERVAL);
        return new HealthChecks(streams, admin, kafka, registry, scheduler);
    }

    /** UP unless the streams application failed (ERROR, or PENDING_ERROR on its way there). */
    public HealthReport liveness() {
        final KafkaStreams.State state = streams.state();
        final boolean failed = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR;
        return HealthReport.of(state.name(), List.of(streamsCheck(state, !failed)));
    }

    /**
     * UP only while the streams application is RUNNING and the broker and the registry answered. REBALANCING is not
     * ready: the partitions are moving, and until they settle this instance may answer from a store it is giving up.
     */
    public HealthReport readiness() {
        final KafkaStreams.State state = streams.state();
        return HealthReport.of(state.name(), List.of(streamsCheck(state, state == KafkaStreams.State.RUNNING),
                kafka.latest(), registry.latest()));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ZERO);
    }

    private static Check streamsCheck(final KafkaStreams.State state, final boolean up) {
        return new Check(STREAMS, up ? Check.Status.UP : Check.Status.DOWN, Map.of("state", state.name()));
    }

    private static Map<String, String> describeCluster(final Admin admin, final ClusterSettings cluster)
            throws Exception {
        final DescribeClusterResult result = admin.describeCluster(
                new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()));
        try {
            return Map.of("nodes", Integer.toString(
                    result.nodes().get(BROKER_CHECK_LIMIT.toMillis(), TimeUnit.MILLISECONDS).size()));
        } catch (final TimeoutException e) {
            throw new IllegalStateException(cluster.describeKafka() + " did not answer within "
                    + BROKER_CHECK_LIMIT.toSeconds() + " s", e);
        } catch (final ExecutionException e) {
            throw new IllegalStateException(cluster.describeKafka() + " cannot be reached: "
                    + e.getCause().getMessage(), e);
        }
    }
}
