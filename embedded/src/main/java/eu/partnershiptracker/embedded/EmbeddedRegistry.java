package eu.partnershiptracker.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * A real Apicurio Registry (the ready-to-run Quarkus distribution) as a supervised child process on 127.0.0.1, on a
 * given port or a random one. It serves the Confluent Schema Registry API, which the project's serde speaks, and
 * Apicurio's own API.
 *
 * <p>This distribution keeps everything in an H2 database, in memory unless {@link Storage#WORK_DIRECTORY} asks for a
 * file in the work directory. Its only outbound features (Sentry error reports, Kafka or Knative event sinks,
 * Keycloak/OIDC) are switched on through environment variables alone, so the registry is started with a bare
 * environment: nothing in the caller's environment can change where it keeps data or make it phone out. New subjects
 * get BACKWARD compatibility as the global default rule.
 */
public final class EmbeddedRegistry implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://127\\.0\\.0\\.1:(\\d+)");

    private final ChildProcess process;
    private final int port;

    /** Where the registry keeps its schemas. */
    public enum Storage {
        /** Gone when the registry stops: right for tests, which start from nothing. */
        IN_MEMORY,
        /**
         * An H2 file in the work directory, kept across restarts: records already on Kafka carry schema ids, and a
         * registry that forgot them would leave those records unreadable.
         */
        WORK_DIRECTORY
    }

    private EmbeddedRegistry(final ChildProcess process, final int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts an in-memory registry on a random free port; see {@link #start(Path, Path, int, Storage, Duration)}. */
    public static EmbeddedRegistry start(final Path apicurioHome, final Path workDirectory,
                                         final Duration startupTimeout) {
        return start(apicurioHome, workDirectory, 0, Storage.IN_MEMORY, startupTimeout);
    }

    /**
     * Starts the registry and returns once its Confluent API answers.
     *
     * @param apicurioHome   the unpacked distribution: the runner jar with lib/ beside it
     * @param workDirectory  receives the log file {@code apicurio.log}; also the registry's working directory; created
     *                       if missing
     * @param port           the HTTP port, 0 for a random free one
     * @param storage        whether the schemas outlive the process
     * @param startupTimeout for the whole start, from launch to a working API
     * @throws PortInUseException if {@code port} is taken; nothing is started then
     */
    public static EmbeddedRegistry start(final Path apicurioHome, final Path workDirectory, final int port,
                                         final Storage storage, final Duration startupTimeout) {
        Objects.requireNonNull(apicurioHome, "apicurioHome");
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        final Path runnerJar = runnerJar(apicurioHome);
        if (port != 0) {
            Ports.requireFree(port, "the schema registry");
        }
        try {
            Files.createDirectories(workDirectory);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create the registry's work directory " + workDirectory, e);
        }
        final long deadline = System.nanoTime() + startupTimeout.toNanos();
        final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        final ChildProcess.Builder builder = ChildProcess.builder("Apicurio Registry",
                workDirectory.resolve("apicurio.log"),
                        List.of(java.toString(),
                                "-Xmx512m",
                                // Start-up speed matters more than peak performance for a test registry.
                                "-XX:TieredStopAtLevel=1",
                                "-XX:+UseSerialGC",
                                "-Dquarkus.http.port=" + port,
                                "-Dquarkus.http.host=127.0.0.1",
                                "-Dregistry.rules.global.compatibility=BACKWARD",
                                "-jar", runnerJar.toString()))
                .workingDirectory(workDirectory)
                .inheritEnvironment(false);
        if (storage == Storage.WORK_DIRECTORY) {
            // The variable the distribution's own configuration reads for its database URL.
            builder.environment("REGISTRY_DATASOURCE_URL",
                    "jdbc:h2:file:" + workDirectory.toAbsolutePath().resolve("registry-db"));
        }
        final ChildProcess process = builder.start();
        try {
            final int listening = Integer.parseInt(process.awaitLogLine(LISTENING, remaining(deadline)).group(1));
            final EmbeddedRegistry registry = new EmbeddedRegistry(process, listening);
            process.awaitHttpOk(URI.create(registry.confluentApiUrl() + "/subjects"), remaining(deadline));
            return registry;
        } catch (final RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /** The Confluent Schema Registry compatible API, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
    public String confluentApiUrl() {
        return confluentApiUrl(port);
    }

    /**
     * The Confluent API of a registry started on {@code port}, known before it starts: what the demo prints, and what
     * the commands' default registry URL must be.
     */
    public static String confluentApiUrl(final int port) {
        return baseUrl(port) + "/apis/ccompat/v7";
    }

    /** Apicurio's own API, which Apicurio's serdes use, e.g. {@code http://127.0.0.1:41234/apis/registry/v2}. */
    public String registryApiUrl() {
        return baseUrl() + "/apis/registry/v2";
    }

    /** Where the registry listens, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return baseUrl(port);
    }

    public Path logFile() {
        return process.logFile();
    }

    /** The registry's process, for a supervisor that must notice when it ends. */
    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    /** The one {@code apicurio-registry-app-*-runner.jar} of the distribution, whatever its version. */
    private static Path runnerJar(final Path apicurioHome) {
        final List<Path> jars;
        try (DirectoryStream<Path> found =
                     Files.newDirectoryStream(apicurioHome, "apicurio-registry-app-*-runner.jar")) {
            jars = StreamSupport.stream(found.spliterator(), false).toList();
        } catch (final NoSuchFileException e) {
            throw notUnpacked(apicurioHome);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot list " + apicurioHome, e);
        }
        if (jars.size() != 1) {
            throw jars.isEmpty() ? notUnpacked(apicurioHome)
                    : new IllegalStateException("several Apicurio Registry runner jars in " + apicurioHome
                            + ": " + jars);
        }
        return jars.get(0).toAbsolutePath();
    }

    private static IllegalStateException notUnpacked(final Path apicurioHome) {
        return new IllegalStateException("Apicurio Registry is not unpacked: no apicurio-registry-app-*-runner.jar in "
                + apicurioHome.toAbsolutePath() + ". Run `./mvnw -pl embedded generate-resources` in the project "
                + "root to unpack it.");
    }

    private static String baseUrl(final int port) {
        return "http://127.0.0.1:" + port;
    }

    private static Duration remaining(final long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
