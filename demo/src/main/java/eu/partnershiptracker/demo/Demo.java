package eu.partnershiptracker.demo;

import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.cluster.TopicNames;
import eu.partnershiptracker.cluster.TopicSetupException;
import eu.partnershiptracker.cluster.TrackerTopics;
import eu.partnershiptracker.embedded.ChildProcess;
import eu.partnershiptracker.embedded.EmbeddedKafka;
import eu.partnershiptracker.embedded.EmbeddedRegistry;
import eu.partnershiptracker.embedded.Ports;
import eu.partnershiptracker.producer.eventfiles.EventFiles;
import eu.partnershiptracker.producer.eventfiles.ValidationException;
import eu.partnershiptracker.producer.publish.EventPublisher;
import eu.partnershiptracker.producer.publish.PublishException;
import eu.partnershiptracker.producer.publish.PublishSettings;
import eu.partnershiptracker.serde.AvroSerdeConfig;
import eu.partnershiptracker.serde.SchemaRegistryCheck;
import eu.partnershiptracker.serde.SchemaRegistryNotFoundException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.kafka.clients.admin.Admin;

/**
 * The whole pipeline on one machine: a Kafka broker and a schema registry (embedded child processes unless existing
 * ones are given), the application's topics, the curated dataset, and the streams application with its API and
 * dashboard (a child JVM). Every child it starts is supervised alike (see {@link #awaitFirstChildExit()}). Closing it
 * stops every piece it started, newest first.
 */
public final class Demo implements AutoCloseable {

    private static final int STEPS = 5;
    private static final Duration BROKER_STARTUP = Duration.ofMinutes(2);
    private static final Duration REGISTRY_STARTUP = Duration.ofMinutes(3);
    private static final Duration TOPICS_TIMEOUT = Duration.ofSeconds(30);

    /** Closed by a shutdown hook while the start may still be adding to it, hence concurrent. */
    private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
    private final Supervisor supervisor = new Supervisor();
    private String bootstrapServers;
    private String registryUrl;
    private List<String> topics;
    private ServeProcess.Running api;

    /**
     * Starts every piece, reporting each step on {@code out}; on failure, stops what was started and rethrows.
     * {@link #close()} may be called from another thread meanwhile (Ctrl-C); pieces started after it stop with this
     * JVM, as every child process does.
     *
     * @throws eu.partnershiptracker.embedded.PortInUseException if a port it should listen on is taken; then
     *                                                           nothing was started
     * @throws SchemaRegistryNotFoundException                    if a given registry has no Confluent API at its URL;
     *                                                           then nothing was started
     */
    public void start(final DemoSettings settings, final PrintWriter out) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(out, "out");
        requireFreePorts(settings);
        if (!Files.isDirectory(settings.events())) {
            throw new IllegalArgumentException("no event files at " + settings.events().toAbsolutePath()
                    + "; run the demo from the project root, or point --events at the curated data/events");
        }
        // A given registry is asked first, so that a wrong URL ends the demo before it starts the broker.
        settings.registryUrl().ifPresent(url -> SchemaRegistryCheck.requireConfluentApi(
                AvroSerdeConfig.forRegistry(url, Map.of()), TopicNames.DEFAULT_EVENTS));
        final Path data = DataDirectory.prepare(settings.dataDirectory(), settings.fresh());
        try {
            run(settings, data, new Progress(out, STEPS));
        } catch (final RuntimeException e) {
            try {
                close();
            } catch (final RuntimeException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    /** Every port is checked before anything starts, so that a taken one leaves nothing behind. */
    private static void requireFreePorts(final DemoSettings settings) {
        if (settings.embeddedKafka()) {
            Ports.requireFree(settings.kafkaPort(), "the Kafka broker (--kafka-port)");
        }
        if (settings.embeddedRegistry()) {
            Ports.requireFree(settings.registryPort(), "the schema registry (--registry-port)");
        }
        Ports.requireFree(settings.httpPort(), "the API and dashboard (--http-port)");
    }

    private void run(final DemoSettings settings, final Path data, final Progress progress) {
        // The registry takes longest, so it starts first and in parallel with the broker.
        final CompletableFuture<EmbeddedRegistry> registry = settings.embeddedRegistry()
                ? CompletableFuture.supplyAsync(() -> EmbeddedRegistry.start(settings.apicurioHome(),
                        data.resolve("registry"), settings.registryPort(), EmbeddedRegistry.Storage.WORK_DIRECTORY,
                        REGISTRY_STARTUP))
                : null;
        try {
            startKafka(settings, data, progress);
        } catch (final RuntimeException e) {
            if (registry != null) {
                // A registry that still comes up must be stopped with the rest.
                final EmbeddedRegistry late = registry.handle((ready, failure) -> ready).join();
                if (late != null) {
                    started.push(late);
                }
            }
            throw e;
        }
        if (registry == null) {
            registryUrl = settings.registryUrl().orElseThrow();
            progress.skip("starting schema registry", "using " + registryUrl);
        } else {
            final EmbeddedRegistry ready = progress.run("starting schema registry", () -> join(registry), r -> "");
            started.push(ready);
            supervisor.watch(ready.process());
            registryUrl = ready.confluentApiUrl();
        }
        final ClusterSettings cluster = ClusterSettings.of(bootstrapServers, registryUrl).withTimeout(TOPICS_TIMEOUT);
        topics = progress.run("creating topics", () -> createTopics(cluster), names -> String.join(", ", names));
        progress.run("publishing the curated dataset from " + settings.events(), () -> publish(settings.events()),
                result -> result.published() + " new events, " + result.alreadyPublished() + " already there");
        api = progress.run("starting the streams application and API",
                () -> ServeProcess.start(bootstrapServers, registryUrl, settings.httpPort(), data), running -> "");
        started.push(api.process());
        supervisor.watch(api.process());
    }

    private void startKafka(final DemoSettings settings, final Path data, final Progress progress) {
        if (settings.embeddedKafka()) {
            final EmbeddedKafka kafka = progress.run("starting Kafka broker",
                    () -> EmbeddedKafka.start(data.resolve("kafka"), settings.kafkaPort(), BROKER_STARTUP),
                    broker -> "");
            started.push(kafka);
            supervisor.watch(kafka.process());
            bootstrapServers = kafka.bootstrapServers();
        } else {
            bootstrapServers = settings.bootstrapServers().orElseThrow();
            progress.skip("starting Kafka broker", "using " + bootstrapServers);
        }
    }

    private static EmbeddedRegistry join(final CompletableFuture<EmbeddedRegistry> registry) {
        try {
            return registry.join();
        } catch (final CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The application's topics with their required settings; those that exist (a reused broker) are left alone. */
    private static List<String> createTopics(final ClusterSettings cluster) {
        try (Admin admin = Admin.create(cluster.clientProperties())) {
            TrackerTopics.ensure(admin,
                    TrackerTopics.all(TopicNames.DEFAULTS, TrackerTopics.DEFAULT_PARTITIONS, (short) 1), cluster);
        } catch (final TopicSetupException e) {
            throw new IllegalStateException("cannot create the topics: " + e.getMessage(), e);
        }
        return TopicNames.DEFAULTS.all();
    }

    private EventPublisher.Result publish(final Path events) {
        try {
            return new EventPublisher().publish(EventFiles.bundled().check(List.of(events)),
                    PublishSettings.local(bootstrapServers, registryUrl));
        } catch (final ValidationException e) {
            // The files are checked before the demo runs, so a clash is with what an older dataset left on the topic.
            throw new IllegalStateException("cannot publish the dataset: " + e.getMessage() + "\nThe events already"
                    + " on the demo's topic were published from another version of data/events: to start over from"
                    + " the current one, run ./tracker demo --fresh.", e);
        } catch (final PublishException e) {
            if (e.kind() == PublishException.Kind.UNREADABLE_RECORDS) {
                // Never overruled here: the demo's topic is its log of record, and it must not hold the dataset twice.
                throw new IllegalStateException("cannot publish the dataset: " + e.getMessage() + "\nNothing was"
                        + " published. Restore the schema registry's schemas (the embedded registry keeps them under"
                        + " registry/ in the demo's data directory), or start over with ./tracker demo --fresh.", e);
            }
            throw new IllegalStateException("cannot publish the dataset: " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The registry's Confluent API. */
    public String registryUrl() {
        return registryUrl;
    }

    /** The API and dashboard, as the API announced itself, e.g. {@code http://localhost:8080}. */
    public String apiUrl() {
        return api.url();
    }

    public List<String> topics() {
        return topics;
    }

    /**
     * Blocks until one of the children the demo started (broker, registry, API) ends, and returns it. None should end
     * while the demo runs; after {@link #close()} they all do.
     */
    public ChildProcess awaitFirstChildExit() {
        return supervisor.awaitFirstExit();
    }

    /** Stops what was started, newest first: the API, then the registry, then the broker. Safe to call twice. */
    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        for (AutoCloseable piece = started.pollFirst(); piece != null; piece = started.pollFirst()) {
            try {
                piece.close();
            } catch (final Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("cannot stop every part of the demo cleanly", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
