package eu.partnershiptracker.demo;

import eu.partnershiptracker.cli.ConnectionOptions;
import eu.partnershiptracker.cli.ExitCodes;
import eu.partnershiptracker.embedded.ChildProcess;
import eu.partnershiptracker.embedded.PortInUseException;
import eu.partnershiptracker.serde.SchemaRegistryNotFoundException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: the whole pipeline with the curated dataset on this machine, until Ctrl-C. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start a Kafka broker, a schema registry, the curated dataset and the streams application with "
                + "its API and dashboard on this machine, print where everything runs, and run until Ctrl-C.",
                "A second run reuses the data directory (nothing is published twice); --fresh starts from nothing. "
                        + "With --bootstrap-servers and/or --registry-url, existing services are used instead.",
                "Exit codes: 130 after Ctrl-C (as any program stopped by SIGINT), 2 bad command line or a registry "
                        + "URL without the Confluent API, 3 a port is taken, a service is unavailable, or a child "
                        + "process (broker, registry, API) ended on its own; the others are then stopped."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--fresh", description = "Delete the data directory first.")
    private boolean fresh;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".tracker/demo",
            description = "Broker data, registry database, streams state and logs (default: ${DEFAULT-VALUE}).")
    private Path dataDirectory;

    @Option(names = "--kafka-port", defaultValue = "9092",
            description = "Port of the embedded Kafka broker (default: ${DEFAULT-VALUE}).")
    private int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "8081",
            description = "Port of the embedded schema registry (default: ${DEFAULT-VALUE}).")
    private int registryPort;

    @Option(names = "--http-port", defaultValue = "8080",
            description = "Port of the API and dashboard (default: ${DEFAULT-VALUE}).")
    private int httpPort;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS}",
            description = "Use this Kafka instead of starting one (env KAFKA_BOOTSTRAP_SERVERS).")
    private String bootstrapServers;

    @Option(names = "--registry-url", paramLabel = "URL", defaultValue = "${env:SCHEMA_REGISTRY_URL}",
            description = "Use this schema registry (Confluent API) instead of starting one (env SCHEMA_REGISTRY_URL).")
    private String registryUrl;

    @Option(names = "--events", paramLabel = "DIR", defaultValue = "data/events",
            description = "The event files to publish at start (default: ${DEFAULT-VALUE}).")
    private Path events;

    @Option(names = "--apicurio-home", paramLabel = "DIR", defaultValue = "target/apicurio",
            description = "The unpacked Apicurio Registry that the build puts there (default: ${DEFAULT-VALUE}).")
    private Path apicurioHome;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final Demo demo = new Demo();
        final AtomicBoolean stopping = new AtomicBoolean();
        final Thread hook = new Thread(() -> {
            stopping.set(true);
            out.println("Stopping the demo...");
            out.flush();
            demo.close();
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            demo.start(settings(), out);
        } catch (final PortInUseException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            err.println("Error: " + e.getMessage() + ". Stop what uses it, or choose another port.");
            return ExitCodes.UNAVAILABLE;
        } catch (final SchemaRegistryNotFoundException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            err.println("Error: " + e.getMessage());
            err.println(ConnectionOptions.REGISTRY_URL_HINT);
            return ExitCodes.USAGE;
        } catch (final RuntimeException e) {
            // start() has already stopped whatever it had started.
            Runtime.getRuntime().removeShutdownHook(hook);
            // A failure without a message is a bug, not a situation: name it, so that it can be reported.
            err.println("Error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCodes.UNAVAILABLE;
        }
        printWhereEverythingRuns(out, demo);
        // Runs until Ctrl-C stops every child (through the shutdown hook), or until one of them fails.
        final ChildProcess ended = demo.awaitFirstChildExit();
        if (stopping.get()) {
            return ExitCodes.OK;
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        err.println("Error: " + ended.name() + " ended on its own (exit code "
                + ended.awaitExit(Duration.ZERO).orElse(-1) + "); last lines of its log " + ended.logFile() + ":");
        err.println(ended.lastLogLines());
        err.println("Stopping the rest of the demo.");
        err.flush();
        demo.close();
        return ExitCodes.UNAVAILABLE;
    }

    private DemoSettings settings() {
        return new DemoSettings(dataDirectory, fresh, kafkaPort, registryPort, httpPort,
                Optional.ofNullable(bootstrapServers).filter(value -> !value.isBlank()),
                Optional.ofNullable(registryUrl).filter(value -> !value.isBlank()), apicurioHome, events);
    }

    private void printWhereEverythingRuns(final PrintWriter out, final Demo demo) {
        out.println();
        out.println("Partnership Tracker is running.");
        out.println("  dashboard         " + demo.apiUrl() + "/");
        out.println("  query API         " + demo.apiUrl() + "/api/partnerships   (docs/API.md)");
        out.println("  Kafka             " + demo.bootstrapServers());
        out.println("  schema registry   " + demo.registryUrl());
        out.println("  topics            " + String.join(", ", demo.topics()));
        out.println("  data and logs     " + dataDirectory.toAbsolutePath().normalize());
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
