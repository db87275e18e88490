package eu.partnershiptracker.testing;

import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.embedded.EmbeddedRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the broker, the registry and the shared admin client behind an {@link Infrastructure}: starts the broker and
 * the registry in parallel, and closes everything (newest first) when JUnit closes the root extension store.
 */
final class InfrastructureResource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InfrastructureResource.class);
    /** Generous: other test JVMs may be using the machine's two cores at the same time. */
    private static final Duration REGISTRY_STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private final Path workDirectory;
    private final KafkaBroker broker;
    private final EmbeddedRegistry registry;
    private final Admin admin;
    private final Infrastructure infrastructure;

    private InfrastructureResource(final Path workDirectory, final KafkaBroker broker, final EmbeddedRegistry registry) {
        this.workDirectory = workDirectory;
        this.broker = broker;
        this.registry = registry;
        this.admin = Admin.create(ClusterSettings.of(broker.bootstrapServers(), registry.confluentApiUrl())
                .clientProperties());
        this.infrastructure = new Infrastructure(broker.bootstrapServers(), registry, admin);
    }

    static InfrastructureResource start(final Path apicurioHome) {
        final long started = System.nanoTime();
        final Path workDirectory = createWorkDirectory();
        final CompletableFuture<EmbeddedRegistry> registry = CompletableFuture.supplyAsync(() -> {
            final EmbeddedRegistry ready = EmbeddedRegistry.start(apicurioHome, workDirectory,
                    REGISTRY_STARTUP_TIMEOUT);
            LOG.info("Apicurio Registry ready at {} after {} ms", ready.confluentApiUrl(), millisSince(started));
            return ready;
        });
        final KafkaBroker broker;
        try {
            broker = KafkaBroker.start();
            LOG.info("Kafka broker ready at {} after {} ms", broker.bootstrapServers(), millisSince(started));
        } catch (final Exception e) {
            final IllegalStateException failure = new IllegalStateException("cannot start the Kafka broker", e);
            closeAfterFailure(failure, () -> registry.join().close());
            throw failure;
        }
        final EmbeddedRegistry readyRegistry;
        try {
            readyRegistry = registry.join();
        } catch (final CompletionException e) {
            final IllegalStateException failure = new IllegalStateException("cannot start Apicurio Registry",
                    e.getCause());
            closeAfterFailure(failure, broker::close);
            throw failure;
        }
        try {
            return new InfrastructureResource(workDirectory, broker, readyRegistry);
        } catch (final RuntimeException e) {
            closeAfterFailure(e, readyRegistry::close, broker::close);
            throw e;
        }
    }

    Infrastructure infrastructure() {
        return infrastructure;
    }

    @Override
    public void close() throws IOException {
        LOG.info("Stopping the shared test infrastructure");
        try {
            admin.close();
        } finally {
            try {
                registry.close();
            } finally {
                try {
                    broker.close();
                } finally {
                    deleteWorkDirectory();
                }
            }
        }
    }

    /** Only the registry's log lives there, and after a successful run nobody needs it. */
    private void deleteWorkDirectory() throws IOException {
        try (Stream<Path> files = Files.list(workDirectory)) {
            for (final Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(workDirectory);
    }

    private static Path createWorkDirectory() {
        try {
            return Files.createTempDirectory("partnership-tracker-infrastructure-");
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create a work directory for the test infrastructure", e);
        }
    }

    /** The work directory stays: after a failed start, the registry's log in it is worth reading. */
    private static void closeAfterFailure(final Exception failure, final Runnable... closers) {
        for (final Runnable closer : closers) {
            try {
                closer.run();
            } catch (final RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static long millisSince(final long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
