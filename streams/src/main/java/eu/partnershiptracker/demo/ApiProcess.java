package eu.partnershiptracker.demo;

import eu.partnershiptracker.app.TrackerCommand;
import eu.partnershiptracker.embedded.ChildProcess;
import eu.partnershiptracker.embedded.JavaCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The streams application and its HTTP API ({@code tracker serve}) in a child JVM with this JVM's java and classpath,
 * so that the demo's own process stays a thin supervisor and a crash of either cannot take the other down.
 */
final class ApiProcess {

    /** The line {@code serve} logs once streams is running and the API answers. */
    private static final Pattern READY = Pattern.compile("Partnership Tracker API listening on (http://\\S+)");
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private ApiProcess() {
    }

    /** A started API: its process and the URL it announced. */
    record Running(ChildProcess process, String url) {
    }

    static Running start(final String bootstrapServers, final String registryUrl, final int httpPort,
                         final Path dataDirectory) {
        final List<String> command = JavaCommand.of(List.of("-Xmx1g"), TrackerCommand.class.getName(), List.of(
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
        try {
            return new Running(process, process.awaitLogLine(READY, STARTUP_TIMEOUT).group(1));
        } catch (final RuntimeException e) {
            process.close();
            throw e;
        }
    }
}
