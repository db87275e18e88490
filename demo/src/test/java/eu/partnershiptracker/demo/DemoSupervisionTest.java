package eu.partnershiptracker.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.ProjectFiles;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every child of a running demo is supervised alike: whichever one ends, the demo names it, stops the others and
 * exits with code 3. The broker is embedded here; the registry is the shared test one, so that the demo starts faster.
 */
@ExtendWith(RealInfrastructure.class)
class DemoSupervisionTest {

    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration STOP = Duration.ofMinutes(2);
    private static final String BROKER_MAIN_CLASS = "kafka.Kafka";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private CompletableFuture<Integer> demo;

    @AfterEach
    void stopWhatIsLeft() {
        // A failed assertion must not leave children behind for the next test.
        children(BROKER_MAIN_CLASS).forEach(ProcessHandle::destroyForcibly);
        children(ServeProcess.APPLICATION_MAIN_CLASS).forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void aKilledBrokerIsNamedAndTheApiIsStopped(final Infrastructure infra) throws IOException {
        startDemo(infra);
        final ProcessHandle api = onlyChild(ServeProcess.APPLICATION_MAIN_CLASS);

        onlyChild(BROKER_MAIN_CLASS).destroyForcibly();

        await().atMost(STOP).until(demo::isDone);
        assertThat(demo.join()).isEqualTo(3);
        assertThat(err.toString()).startsWith("Error: Kafka broker ended on its own (exit code 137); last lines of its"
                        + " log " + dir.resolve("demo").resolve("kafka").resolve("broker.log").toAbsolutePath())
                .contains("Stopping the rest of the demo.");
        await().atMost(STOP).until(() -> !api.isAlive());
    }

    @Test
    void aKilledApiIsNamedAndTheBrokerIsStopped(final Infrastructure infra) throws IOException {
        startDemo(infra);
        final ProcessHandle broker = onlyChild(BROKER_MAIN_CLASS);

        onlyChild(ServeProcess.APPLICATION_MAIN_CLASS).destroyForcibly();

        await().atMost(STOP).until(demo::isDone);
        assertThat(demo.join()).isEqualTo(3);
        assertThat(err.toString()).startsWith("Error: Partnership Tracker API ended on its own (exit code 137); last"
                        + " lines of its log " + dir.resolve("demo").resolve("api.log").toAbsolutePath())
                .contains("Stopping the rest of the demo.");
        await().atMost(STOP).until(() -> !broker.isAlive());
    }

    private void startDemo(final Infrastructure infra) throws IOException {
        final CommandLine command = DemoLauncher.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        final String[] arguments = {"demo", "--data-dir", dir.resolve("demo").toString(),
            "--kafka-port", freePort(), "--http-port", freePort(), "--registry-url", infra.registryUrl(),
            "--events", ProjectFiles.events().toString()};
        demo = CompletableFuture.supplyAsync(() -> command.execute(arguments));
        await().atMost(START).until(() -> out.toString().contains("Partnership Tracker is running.") || demo.isDone());
        assertThat(demo).as("demo ended while starting: " + err).isNotDone();
    }

    /** The one running child JVM of this test whose main class is {@code mainClass}. */
    private static ProcessHandle onlyChild(final String mainClass) {
        final List<ProcessHandle> found = children(mainClass);
        assertThat(found).as("child JVMs running " + mainClass).hasSize(1);
        return found.get(0);
    }

    /** The JVMs themselves, not the shells that wrap them, though those carry the same arguments. */
    private static List<ProcessHandle> children(final String mainClass) {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(process -> {
                    final List<String> arguments = arguments(process);
                    return !arguments.isEmpty() && arguments.get(0).endsWith("/java") && arguments.contains(mainClass);
                })
                .toList();
    }

    /**
     * Read from /proc (children run on Linux only): {@link ProcessHandle.Info#arguments()} gives nothing for command
     * lines as long as these, with the whole test classpath in them.
     */
    private static List<String> arguments(final ProcessHandle process) {
        try {
            return List.of(Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline")).split("\0"));
        } catch (final IOException e) {
            return List.of();
        }
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        }
    }
}
