package eu.partnershiptracker.demo;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.cli.ConnectionOptions;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.ProjectFiles;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What the demo refuses to do, before it starts anything. */
@ExtendWith(RealInfrastructure.class)
class DemoCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void aTakenPortIsExitCode3WithAClearMessageAndNothingStarted() throws IOException {
        final Path data = dir.resolve("demo");
        try (ServerSocket taken = new ServerSocket(0)) {
            final int exit = demo("--data-dir", data.toString(), "--kafka-port", port(taken),
                    "--registry-port", freePort(), "--http-port", freePort());

            assertThat(exit).isEqualTo(3);
            assertThat(err.toString()).isEqualTo("Error: port " + taken.getLocalPort() + " is already in use, so the "
                    + "Kafka broker (--kafka-port) cannot listen on it. Stop what uses it, or choose another port."
                    + System.lineSeparator());
        }
        assertThat(Files.exists(data)).as("data directory created").isFalse();
    }

    @Test
    void aRegistryUrlWithoutTheConfluentApiIsExitCode2WithAHintAndNothingStarted(final Infrastructure infra)
            throws IOException {
        final Path data = dir.resolve("demo");

        final int exit = demo("--data-dir", data.toString(), "--bootstrap-servers", infra.bootstrapServers(),
                "--registry-url", infra.registryBaseUrl(), "--http-port", freePort(),
                "--events", ProjectFiles.events().toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("Error: schema registry at " + infra.registryBaseUrl() + " answered")
                .contains("For Apicurio Registry it is " + infra.registryUrl())
                .endsWith(ConnectionOptions.REGISTRY_URL_HINT + System.lineSeparator());
        assertThat(Files.exists(data)).as("data directory created").isFalse();
    }

    @Test
    void freshNeverDeletesADirectoryTheDemoDidNotCreate() throws IOException {
        final Path precious = Files.writeString(Files.createDirectories(dir.resolve("thesis")).resolve("chapter1.txt"),
                "months of work");

        final int exit = demo("--fresh", "--data-dir", precious.getParent().toString(), "--kafka-port", freePort(),
                "--registry-port", freePort(), "--http-port", freePort(),
                "--events", ProjectFiles.events().toString());

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("--fresh would delete " + precious.getParent()
                + ", which was not created by the demo");
        assertThat(precious).hasContent("months of work");
    }

    @Test
    void freshEmptiesADirectoryTheDemoCreated() throws IOException {
        final Path data = DataDirectory.prepare(dir.resolve("demo"), false);
        Files.writeString(data.resolve("broker.log"), "old run");

        assertThat(DataDirectory.prepare(dir.resolve("demo"), true)).isEqualTo(data);

        assertThat(data.resolve("broker.log")).doesNotExist();
        assertThat(data.resolve(DataDirectory.MARKER)).exists();
    }

    @Test
    void aSecondRunKeepsTheDataDirectory() throws IOException {
        final Path data = DataDirectory.prepare(dir.resolve("demo"), false);
        Files.writeString(data.resolve("broker.log"), "first run");

        DataDirectory.prepare(dir.resolve("demo"), false);

        assertThat(data.resolve("broker.log")).hasContent("first run");
    }

    private int demo(final String... arguments) {
        final CommandLine command = DemoLauncher.commandLine();
        command.setErr(new PrintWriter(err, true));
        command.setOut(new PrintWriter(new StringWriter(), true));
        final String[] all = new String[arguments.length + 1];
        all[0] = "demo";
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return command.execute(all);
    }

    private static String port(final ServerSocket socket) {
        return Integer.toString(socket.getLocalPort());
    }

    /** Free when the demo checks it a moment later; nothing listens on it in these tests. */
    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return port(socket);
        }
    }
}
