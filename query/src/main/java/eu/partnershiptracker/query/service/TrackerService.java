package eu.partnershiptracker.query.service;

import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.cluster.TopicSetupException;
import eu.partnershiptracker.cluster.TrackerTopics;
import eu.partnershiptracker.query.health.HealthChecks;
import eu.partnershiptracker.query.http.ApiServer;
import eu.partnershiptracker.serde.AvroSerdeConfig;
import eu.partnershiptracker.serde.SchemaRegistryCheck;
import eu.partnershiptracker.serde.SchemaRegistryNotFoundException;
import eu.partnershiptracker.serde.SchemaRegistryUnavailableException;
import eu.partnershiptracker.streams.OutageTolerantHandler;
import eu.partnershiptracker.streams.PartnershipIndexes;
import eu.partnershiptracker.streams.PartnershipTopology;
import eu.partnershiptracker.streams.TrackerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole tracker in one process: the Kafka Streams application and the HTTP API over its state. This is the Java
 * API the serve command, the demo and the benchmark start it through.
 *
 * <p>Startup order: the HTTP port is bound first (a taken port fails at once, before anything touches Kafka), then the
 * registry is checked (a URL without its Confluent API fails before anything is created), then the missing topics are
 * created, then the streams application starts; the service is ready once it is RUNNING.
 */
public final class TrackerService implements AutoCloseable {

    private static final String READY_MESSAGE = "Partnership Tracker API listening on http://{}:{}";

    private static final Logger LOG = LoggerFactory.getLogger(TrackerService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final ApiServer api;
    private final HealthChecks health;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TrackerService(final KafkaStreams streams, final ApiServer api, final HealthChecks health) {
        this.streams = streams;
        this.api = api;
        this.health = health;
    }

    /**
     * Starts everything and returns once the streams application is RUNNING.
     *
     * @throws ServiceStartException           when the port is taken, Kafka does not answer, or the application does
     *                                         not reach RUNNING within the settings' timeouts; whatever was started
     *                                         is stopped again
     * @throws SchemaRegistryNotFoundException when no Confluent API answers at the registry URL; no topic was
     *                                         created, and what was started is stopped again
     */
    public static TrackerService start(final ServeSettings settings) {
        Objects.requireNonNull(settings, "settings");
        final int port = settings.httpPort() == 0 ? freePort(settings.httpHost()) : settings.httpPort();
        final TrackerConfig config = settings.trackerConfig(port);
        final PartnershipIndexes indexes = new PartnershipIndexes();
        final KafkaStreams streams = new KafkaStreams(
                PartnershipTopology.buildTopology(config.topics(), config.serdeConfig(), indexes),
                config.streamsProperties());
        streams.setUncaughtExceptionHandler(new OutageTolerantHandler());
        final CompletableFuture<Void> running = new CompletableFuture<>();
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.complete(null);
            } else if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.PENDING_ERROR) {
                running.completeExceptionally(new ServiceStartException("the streams application failed (" + now
                        + "); see the log above"));
            }
        });
        final HealthChecks health = HealthChecks.start(streams, settings.cluster(), config.serdeConfig(),
                config.topics().events());
        final ApiServer api;
        try {
            api = ApiServer.start(streams, indexes, apiSettings(settings, config, port), health);
        } catch (final ApiServer.PortInUseException e) {
            health.close();
            streams.close(Duration.ZERO);
            throw new ServiceStartException(e.getMessage(), e);
        }
        final TrackerService service = new TrackerService(streams, api, health);
        try {
            checkRegistry(config);
            ensureTopics(settings);
            streams.start();
            awaitRunning(running, settings);
            api.bindMetrics(streams);
        } catch (final RuntimeException e) {
            service.close();
            throw e;
        }
        LOG.info(READY_MESSAGE, settings.advertisedHost(), api.port());
        return service;
    }

    /** The port the HTTP API listens on. */
    public int httpPort() {
        return api.port();
    }

    /** Every HTTP route as "METHOD path". */
    public List<String> routes() {
        return api.routes();
    }

    /**
     * Stops the HTTP API and its health probes, then the streams application, which leaves its group at once: the
     * other instances take its partitions over now, from their standby copies, instead of after the session timeout.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        api.close();
        health.close();
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
    }

    private static ApiServer.Settings apiSettings(final ServeSettings settings, final TrackerConfig config,
            final int port) {
        return new ApiServer.Settings(settings.httpHost(), port, new HostInfo(settings.advertisedHost(), port),
                settings.cluster().clientProperties(), config.serdeConfig(), config.topics().changes(),
                settings.cluster().timeout(), settings.changeWindow());
    }

    /**
     * Refuses a registry URL without the Confluent API, which would otherwise stop the application at its first event.
     * An unreachable registry is only reported: the application waits out registry outages (see
     * {@link OutageTolerantHandler}), and one at startup is no different.
     */
    private static void checkRegistry(final TrackerConfig config) {
        try {
            // The cluster's timeout bounds the registry as it bounds Kafka, not the serde's own 10 s read timeout.
            SchemaRegistryCheck.requireConfluentApi(AvroSerdeConfig.withTimeout(config.serdeConfig(),
                    config.cluster().timeout()), config.topics().events());
        } catch (final SchemaRegistryUnavailableException e) {
            LOG.warn("{}; starting anyway, and events wait until the registry answers", e.getMessage());
        }
    }

    /** Creates the topics that do not exist yet, as {@link TrackerTopics} lays them out. */
    private static void ensureTopics(final ServeSettings settings) {
        final ClusterSettings cluster = settings.cluster();
        try (Admin admin = Admin.create(cluster.clientProperties())) {
            TrackerTopics.ensure(admin, TrackerTopics.all(settings.topics(), settings.partitions(),
                    settings.replicationFactor()), cluster);
        } catch (final TopicSetupException e) {
            throw new ServiceStartException(e.kind() == TopicSetupException.Kind.UNREACHABLE
                    ? e.getMessage() + "; is it running and reachable?" : e.getMessage(), e);
        }
    }

    private static void awaitRunning(final CompletableFuture<Void> running, final ServeSettings settings) {
        try {
            running.get(settings.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (final TimeoutException e) {
            throw new ServiceStartException("the streams application did not reach RUNNING within "
                    + settings.readyTimeout().toSeconds() + " s", e);
        } catch (final ExecutionException e) {
            throw e.getCause() instanceof ServiceStartException failed ? failed
                    : new ServiceStartException("the streams application failed: " + e.getCause(), e.getCause());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStartException("interrupted while waiting for the streams application", e);
        }
    }

    /**
     * A port free right now, for settings that ask for any port: application.server must name the port before the
     * streams application is created, which is before the HTTP server binds.
     */
    private static int freePort(final String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + host, e);
        }
    }
}
