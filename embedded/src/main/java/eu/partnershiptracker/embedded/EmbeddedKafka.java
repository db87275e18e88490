package eu.partnershiptracker.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft combined mode (broker and controller in one node) running in a child JVM,
 * so that a broker failure (Kafka halts its JVM on fatal errors) cannot take the caller down with it.
 *
 * <p>Everything lives in one data directory: {@code server.properties}, the formatted log directory and the broker's
 * log file. A directory formatted by an earlier run is reused as it is, so topics and records survive a restart. The
 * controller quorum is configured statically ({@code controller.quorum.voters}), not written into the log directory,
 * which lets the controller take a different port on every start.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final String NODE_ID = "1";
    private static final String LOG_DIRECTORY = "kraft-logs";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private static final String DEFAULT_MAX_HEAP = "1g";

    private final ChildProcess process;
    private final String bootstrapServers;

    private EmbeddedKafka(final ChildProcess process, final String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats the data directory if it is new, starts the broker and returns once it serves clients.
     *
     * @param dataDirectory  holds the configuration, the data and the log file {@code broker.log}; created if missing
     * @param port           the client port on 127.0.0.1, 0 for a random free one
     * @param startupTimeout for the whole start, formatting included
     * @throws PortInUseException if {@code port} is taken; nothing is started or written then
     */
    public static EmbeddedKafka start(final Path dataDirectory, final int port, final Duration startupTimeout) {
        return start(dataDirectory, port, DEFAULT_MAX_HEAP, startupTimeout);
    }

    /**
     * As {@link #start(Path, int, Duration)}, with the broker JVM's maximum heap, e.g. {@code 2g} for a benchmark's
     * load.
     */
    public static EmbeddedKafka start(final Path dataDirectory, final int port, final String maxHeap,
            final Duration startupTimeout) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(maxHeap, "maxHeap");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        if (port != 0) {
            Ports.requireFree(port, "the Kafka broker");
        }
        final long deadline = System.nanoTime() + startupTimeout.toNanos();
        final Path directory = dataDirectory.toAbsolutePath();
        final int clientPort = port == 0 ? Ports.anyFreePort() : port;
        final Path config = writeConfig(directory, clientPort, Ports.anyFreePort());
        if (!Files.exists(directory.resolve(LOG_DIRECTORY).resolve("meta.properties"))) {
            format(directory, config, deadline);
        }
        final ChildProcess process = ChildProcess.builder("Kafka broker", directory.resolve("broker.log"),
                        JavaCommand.of(List.of("-Xms128m", "-Xmx" + maxHeap), "kafka.Kafka",
                                List.of(config.toString())))
                .workingDirectory(directory)
                .inheritEnvironment(false)
                .stopTimeout(STOP_TIMEOUT)
                .start();
        final EmbeddedKafka broker = new EmbeddedKafka(process, "127.0.0.1:" + clientPort);
        try {
            broker.awaitReady(clientPort, deadline);
            return broker;
        } catch (final RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /** The broker's {@code bootstrap.servers}, e.g. {@code 127.0.0.1:9092}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path logFile() {
        return process.logFile();
    }

    /** The broker's process, for a supervisor that must notice when it ends. */
    public ChildProcess process() {
        return process;
    }

    /** Stops the broker gracefully (a controlled shutdown that leaves clean logs), forcibly after 30 seconds. */
    @Override
    public void close() {
        process.close();
    }

    /** One node that is both broker and controller, on loopback, sized as {@link SingleNodeBroker} says. */
    private static Path writeConfig(final Path directory, final int clientPort, final int controllerPort) {
        final Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", NODE_ID);
        properties.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        properties.put("listeners",
                "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", directory.resolve(LOG_DIRECTORY).toString());
        properties.putAll(SingleNodeBroker.SETTINGS);
        final String text = properties.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(System.lineSeparator(), "", System.lineSeparator()));
        final Path config = directory.resolve("server.properties");
        try {
            Files.createDirectories(directory);
            Files.writeString(config, text, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write the broker configuration " + config, e);
        }
        return config;
    }

    /** Kafka's own storage tool, in a child JVM because it ends with System.exit. */
    private static void format(final Path directory, final Path config, final long deadline) {
        final List<String> arguments = List.of("format",
                "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString());
        try (ChildProcess tool = ChildProcess.builder("Kafka storage format", directory.resolve("format.log"),
                        JavaCommand.of(List.of(), "kafka.tools.StorageTool", arguments))
                .workingDirectory(directory)
                .inheritEnvironment(false)
                .start()) {
            final OptionalInt exit = tool.awaitExit(remaining(deadline));
            if (exit.isEmpty() || exit.getAsInt() != 0) {
                throw new ChildProcessException("cannot format the Kafka data directory " + directory + " ("
                        + (exit.isEmpty() ? "timed out" : "exit code " + exit.getAsInt()) + "); last lines of "
                        + tool.logFile() + ":" + System.lineSeparator() + tool.lastLogLines());
            }
        }
    }

    /** First the port (cheap, and quiet), then a metadata request, which only succeeds once the broker is serving. */
    private void awaitReady(final int clientPort, final long deadline) {
        while (!accepts(clientPort)) {
            pause(deadline, "accept connections on port " + clientPort);
        }
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (!hasNodes(admin)) {
                pause(deadline, "answer a metadata request");
            }
        }
    }

    private static boolean accepts(final int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) POLL.toMillis());
            return true;
        } catch (final IOException e) {
            return false;
        }
    }

    private static boolean hasNodes(final Admin admin) {
        try {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) POLL.toMillis() * 5))
                    .nodes().get(POLL.toMillis() * 10, TimeUnit.MILLISECONDS).isEmpty();
        } catch (final ExecutionException | TimeoutException e) {
            return false;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildProcessException("interrupted while waiting for the Kafka broker", e);
        }
    }

    /** Waits one poll interval, failing with the broker's log if it exited or the deadline passed. */
    private void pause(final long deadline, final String what) {
        final OptionalInt exit = process.awaitExit(POLL);
        if (exit.isPresent()) {
            throw new ChildProcessException("the Kafka broker exited with code " + exit.getAsInt()
                    + " before it could " + what + "; last lines of " + process.logFile() + ":"
                    + System.lineSeparator() + process.lastLogLines());
        }
        if (System.nanoTime() > deadline) {
            throw new ChildProcessException("the Kafka broker did not " + what + " in time; last lines of "
                    + process.logFile() + ":" + System.lineSeparator() + process.lastLogLines());
        }
    }

    private static Duration remaining(final long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
