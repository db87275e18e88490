package eu.partnershiptracker.benchmark.lookup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The HTTP client of the benchmark, run in a JVM of its own so that it shares neither heap, GC nor JIT with the
 * server: times as-of lookups of the given partnerships, then snapshots of them all, and prints the figures as one
 * line, {@value #RESULT_PREFIX} followed by JSON, for {@link RemoteLookup} to read.
 */
@Command(name = "lookup-client", mixinStandardHelpOptions = true,
        description = "Times as-of lookups and snapshots against a Partnership Tracker HTTP API.")
public final class LookupClient implements Callable<Integer> {

    public static final String RESULT_PREFIX = "RESULT ";

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Option(names = "--url", required = true, description = "Base URL of the API, e.g. http://127.0.0.1:8080.")
    String url;

    @Option(names = "--keys-file", required = true, description = "Partnership keys to look up, one per line.")
    Path keysFile;

    @Option(names = "--lookups", required = true, description = "Timed as-of lookups.")
    int lookups;

    @Option(names = "--seed", required = true, description = "Seed of the keys and dates picked.")
    long seed;

    @Option(names = "--snapshot-date", required = true, description = "Valid-time date of the snapshots.")
    LocalDate snapshotDate;

    @Option(names = "--snapshot-runs", required = true, description = "Snapshots timed (odd); the median is reported.")
    int snapshotRuns;

    public static void main(final String[] args) {
        System.exit(new CommandLine(new LookupClient()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        final List<String> keys = Files.readAllLines(keysFile, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        final Latencies latencies = new LatencyRun(keys, seed).measure(new HttpLookup(url), lookups);
        final SnapshotTimes snapshot = new HttpSnapshot(url).measure(snapshotDate, snapshotRuns);
        System.out.println(RESULT_PREFIX + JSON.writeValueAsString(new RemoteFigures(latencies, snapshot)));
        return 0;
    }
}
