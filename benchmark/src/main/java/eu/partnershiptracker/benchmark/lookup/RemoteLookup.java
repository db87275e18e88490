package eu.partnershiptracker.benchmark.lookup;

import eu.partnershiptracker.embedded.ChildProcess;
import eu.partnershiptracker.embedded.JavaCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Starts {@link LookupClient} in a child JVM on this class path (java -cp, not a thread here) and returns what it
 * measured; its output stays in the work directory.
 */
public final class RemoteLookup {

    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m");

    private final Path workDirectory;
    private final Duration timeout;

    public RemoteLookup(final Path workDirectory, final Duration timeout) {
        this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Starts the client; {@link Running#figures()} waits for it. */
    public Running start(final String url, final List<String> keys, final int lookups, final long seed,
            final LocalDate snapshotDate, final int snapshotRuns) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(snapshotDate, "snapshotDate");
        final Path keysFile = workDirectory.resolve("lookup-keys.txt");
        final Path log = workDirectory.resolve("lookup-client.log");
        try {
            Files.write(keysFile, keys, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + keysFile, e);
        }
        final ChildProcess process = ChildProcess.builder("lookup-client", log, JavaCommand.of(JVM_OPTIONS,
                LookupClient.class.getName(), List.of("--url", url, "--keys-file", keysFile.toString(),
                        "--lookups", Integer.toString(lookups), "--seed", Long.toString(seed),
                        "--snapshot-date", snapshotDate.toString(), "--snapshot-runs", Integer.toString(snapshotRuns))))
                .start();
        return new Running(process, log);
    }

    /** A client at work. */
    public final class Running {

        private final ChildProcess process;
        private final Path log;

        private Running(final ChildProcess process, final Path log) {
            this.process = process;
            this.log = log;
        }

        /** Waits for the client to finish and reads its figures. */
        public RemoteFigures figures() {
            try (process) {
                final OptionalInt exit = process.awaitExit(timeout);
                if (exit.isEmpty() || exit.getAsInt() != 0) {
                    throw new IllegalStateException("the lookup client " + (exit.isEmpty() ? "did not finish within "
                            + timeout : "exited with code " + exit.getAsInt()) + "; last lines of " + log + ":\n"
                            + process.lastLogLines());
                }
            }
            try {
                final String result = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.startsWith(LookupClient.RESULT_PREFIX)).reduce((first, last) -> last)
                        .orElseThrow(() -> new IllegalStateException("no result line in " + log));
                return LookupClient.JSON.readValue(result.substring(LookupClient.RESULT_PREFIX.length()),
                        RemoteFigures.class);
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot read the lookup client's result in " + log, e);
            }
        }
    }
}
