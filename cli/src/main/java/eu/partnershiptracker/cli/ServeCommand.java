package eu.partnershiptracker.cli;

import eu.partnershiptracker.query.service.ServeSettings;
import eu.partnershiptracker.query.service.ServiceStartException;
import eu.partnershiptracker.query.service.TrackerService;
import eu.partnershiptracker.serde.SchemaRegistryNotFoundException;
import eu.partnershiptracker.streams.TrackerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: runs the streams application and its HTTP API until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the tracker: materialise every partnership from the events topic and serve the query API, "
                + "the change stream, /health and /metrics. Runs until SIGTERM or Ctrl-C.",
                "Exit codes: 0 stopped, 1 bad client configuration, 2 bad command line or a registry URL without "
                        + "the Confluent API, 3 Kafka unavailable, port in use, or the application failed to start. "
                        + "An unreachable registry does not stop it: events wait until the registry answers."})
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--http-host", defaultValue = ServeSettings.DEFAULT_HTTP_HOST, paramLabel = "HOST",
            description = "Interface the HTTP API binds to (default: ${DEFAULT-VALUE}).")
    private String httpHost;

    @Option(names = "--http-port", defaultValue = "${env:TRACKER_HTTP_PORT:-8080}", paramLabel = "PORT",
            description = "HTTP port (env TRACKER_HTTP_PORT; default: ${DEFAULT-VALUE}).")
    private int httpPort;

    @Option(names = "--advertised-host", defaultValue = "${env:TRACKER_ADVERTISED_HOST:-localhost}", paramLabel = "HOST",
            description = "Host name other instances reach this one at (env TRACKER_ADVERTISED_HOST; "
                    + "default: ${DEFAULT-VALUE}).")
    private String advertisedHost;

    @Option(names = "--state-dir", defaultValue = "${env:TRACKER_STATE_DIR:-./.tracker/state}", paramLabel = "DIR",
            description = "Kafka Streams state directory, one per instance (env TRACKER_STATE_DIR; "
                    + "default: ${DEFAULT-VALUE}).")
    private Path stateDir;

    @Option(names = "--application-id", defaultValue = TrackerConfig.DEFAULT_APPLICATION_ID, paramLabel = "ID",
            description = "Kafka Streams application id; instances sharing it share the work "
                    + "(default: ${DEFAULT-VALUE}).")
    private String applicationId;

    @Mixin
    private TopicLayoutOptions layout;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        final PrintWriter err = spec.commandLine().getErr();
        final ServeSettings settings;
        try {
            settings = ServeSettings.builder(connection.cluster())
                    .applicationId(applicationId)
                    .stateDir(stateDir)
                    .httpHost(httpHost)
                    .httpPort(httpPort)
                    .advertisedHost(advertisedHost)
                    .partitions(layout.partitions())
                    .replicationFactor(layout.replicationFactor())
                    .build();
        } catch (final IOException e) {
            err.println("Error: cannot read the client configuration: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        } catch (final IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        final TrackerService service;
        try {
            service = TrackerService.start(settings);
        } catch (final SchemaRegistryNotFoundException e) {
            err.println("Error: " + e.getMessage());
            err.println(ConnectionOptions.REGISTRY_URL_HINT);
            return ExitCodes.USAGE;
        } catch (final ServiceStartException e) {
            err.println("Error: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "tracker-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }
}
