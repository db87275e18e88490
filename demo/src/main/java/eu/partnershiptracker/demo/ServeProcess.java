package eu.partnershiptracker.demo;

import eu.partnershiptracker.embedded.ChildProcess;
import eu.partnershiptracker.embedded.JavaCommand;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The streams application and its HTTP API ({@code tracker serve}) in a child JVM with this JVM's java and classpath,
 * so that the demo's own process stays a thin supervisor and a crash of either cannot take the other down.
 *
 * <p>It is started by contract, as a container would start it: the application's main class with the {@code serve}
 * command, ready once {@code /health} answers 200.
 */
final class ServeProcess {

    /** The application's entry point, the main class of its jar (docs/DEMO.md). */
    static final String APPLICATION_MAIN_CLASS = "eu.partnershiptracker.cli.TrackerCommand";
    static final String HEALTH_PATH = "/health";

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private ServeProcess() {
    }

    /** A started API: its process and where it answers. */
    record Running(ChildProcess process, String url) {
    }

    static Running start(final String bootstrapServers, final String registryUrl, final int httpPort,
                         final Path dataDirectory) {
        final List<String> command = JavaCommand.of(List.of("-Xmx1g"), APPLICATION_MAIN_CLASS, List.of(
                "serve",
                "--bootstrap-servers", bootstrapServers,
                "--registry-url", registryUrl,
                "--http-port", Integer.toString(httpPort),
                "--state-dir", dataDirectory.resolve("state").toString()));
        final ChildProcess process = ChildProcess.builder("Partnership Tracker API", dataDirectory.resolve("api.log"),
                        command)
                .workingDirectory(dataDirectory)
                .stopTimeout(STOP_TIMEOUT)
                .start();
        final String url = "http://localhost:" + httpPort;
        try {
            process.awaitHttpOk(URI.create(url + HEALTH_PATH), STARTUP_TIMEOUT);
            return new Running(process, url);
        } catch (final RuntimeException e) {
            process.close();
            throw e;
        }
    }
}
