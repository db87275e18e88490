package eu.partnershiptracker.benchmark;

import eu.partnershiptracker.benchmark.load.EventGenerator;
import eu.partnershiptracker.benchmark.results.Results;
import eu.partnershiptracker.benchmark.results.ResultsWriter;
import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.cluster.TrackerTopics;
import eu.partnershiptracker.embedded.EmbeddedKafka;
import eu.partnershiptracker.embedded.EmbeddedRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.io.file.PathUtils;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The benchmark's command line: one broker and one registry, then the phases of {@link BenchmarkRun} on them. Writes
 * results-DATE.json and prints the Markdown table for docs/BENCHMARKS.md. Meant to be run as
 * {@code java -Xmx512m -jar benchmark/target/benchmark.jar --events N --partnerships P --out DIR}.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Measures the Partnership Tracker topology beside Kafka's own ProducerPerformance and "
                + "ConsumerPerformance and a pass-through topology, interleaved on the same broker.")
public final class Benchmark implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);
    private static final Duration REGISTRY_STARTUP = Duration.ofMinutes(3);
    private static final String BROKER_HEAP = "2g";
    private static final Duration BROKER_STARTUP = Duration.ofMinutes(3);

    @Option(names = "--events", defaultValue = "1000000", description = "Events to generate (default ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--partnerships", defaultValue = "10000",
            description = "Partnerships to spread them over (default ${DEFAULT-VALUE}).")
    int partnerships;

    @Option(names = "--shape", defaultValue = "REALISTIC", description = "How dialogue rounds are keyed: REALISTIC "
            + "(rounds share a few instrument keys, as the curated data does) or STRESS (every round its own "
            + "instrument) (default ${DEFAULT-VALUE}).")
    EventGenerator.Shape shape;

    @Option(names = "--history-lengths", split = ",", defaultValue = "10,100,1000",
            description = "Events per partnership of the history-length runs, all of the same total "
                    + "(default ${DEFAULT-VALUE}).")
    List<Integer> historyLengths;

    @Option(names = "--history-events", description = "Total events of each history-length run (default: --events).")
    Long historyEvents;

    @Option(names = "--streams-property", paramLabel = "KEY=VALUE", description = "A Kafka Streams property for the "
            + "tracker and the pass-through alike, on top of the tracker's own (repeatable), to compare configurations "
            + "run against run.")
    Map<String, String> streamsProperties = new LinkedHashMap<>();

    @Option(names = "--capacity-share", defaultValue = "0.7", description = "Share of the tracker's measured "
            + "capacity to publish at in the fixed-rate phases (default ${DEFAULT-VALUE}).")
    double capacityShare;

    @Option(names = "--fixed-rate-seconds", defaultValue = "60",
            description = "How long each fixed-rate phase publishes at most (default ${DEFAULT-VALUE}).")
    int fixedRateSeconds;

    @Option(names = "--fixed-rate-events", description = "Most events each fixed-rate phase publishes (default: a "
            + "tenth of --events). The three phases add partnerships to the store the heap figure covers, and a "
            + "minute at 70% of capacity would add more events than --events itself.")
    Long fixedRateEvents;

    @Option(names = "--lookups", defaultValue = "10000",
            description = "Timed as-of lookups per target (default ${DEFAULT-VALUE}).")
    int lookups;

    @Option(names = "--out", defaultValue = "docs/benchmarks",
            description = "Directory for results-DATE.json (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--http-url", description = "Base URL of a tracker HTTP API serving this run's store for the "
            + "lookup client; by default the run starts its own (TrackerService on the processed state).")
    String httpUrl;

    @Option(names = "--partitions", defaultValue = "" + TrackerTopics.DEFAULT_PARTITIONS,
            description = "Partitions per topic (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--stream-threads", defaultValue = "1",
            description = "Kafka Streams threads (default ${DEFAULT-VALUE}).")
    int streamThreads;

    @Option(names = "--seed", defaultValue = "20260101", description = "Seed of the generated load.")
    long seed;

    @Option(names = "--snapshot-date", defaultValue = "2020-12-31",
            description = "Valid-time date of the full snapshot (default ${DEFAULT-VALUE}).")
    LocalDate snapshotDate;

    @Option(names = "--snapshot-runs", defaultValue = "5", description = "Snapshots timed; the median is reported.")
    int snapshotRuns;

    @Option(names = "--processing-limit-minutes", defaultValue = "60", description = "How long a topology may "
            + "take over a load; past it, what it processed is measured (default ${DEFAULT-VALUE}).")
    long processingLimitMinutes;

    @Option(names = "--timeout-minutes", defaultValue = "30",
            description = "Longest wait for any other phase (default ${DEFAULT-VALUE}).")
    long timeoutMinutes;

    @Option(names = "--apicurio-home", description = "The unpacked Apicurio Registry distribution "
            + "(default: system property apicurio.home, else target/apicurio).")
    Path apicurioHome;

    @Option(names = "--work-dir", description = "Where the broker's data and logs go while the run lasts "
            + "(default: the system temporary directory).")
    Path workRoot;

    /** The command line being executed, so that a refused option is reported through it. */
    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(final String[] args) {
        System.exit(new CommandLine(new Benchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        final Path work = workRoot == null ? Files.createTempDirectory("tracker-benchmark-")
                : Files.createTempDirectory(Files.createDirectories(workRoot), "tracker-benchmark-");
        LOG.info("work directory {}", work);
        final long started = System.nanoTime();
        final Results results;
        try (EmbeddedRegistry registry = EmbeddedRegistry.start(apicurioHome(), work, REGISTRY_STARTUP);
             EmbeddedKafka broker = EmbeddedKafka.start(work.resolve("kafka"), 0, BROKER_HEAP, BROKER_STARTUP)) {
            final ClusterSettings cluster = ClusterSettings.of(broker.bootstrapServers(), registry.confluentApiUrl())
                    .withTimeout(Duration.ofMinutes(timeoutMinutes));
            try (Admin admin = Admin.create(cluster.clientProperties())) {
                results = new BenchmarkRun(this, work, cluster, admin).run();
            }
        }
        final ResultsWriter writer = new ResultsWriter();
        final Path file = writer.write(results, out);
        System.out.println(writer.table(results));
        LOG.info("results written to {} after {} s", file, Math.round((System.nanoTime() - started) / 1e9));
        PathUtils.deleteDirectory(work);
        return 0;
    }

    /** Refuses option values the run cannot use, naming the option, before anything starts. */
    private void checkOptions() {
        require(events >= partnerships && partnerships > 0, "--events must be at least --partnerships, and "
                + "--partnerships positive: " + events + " events, " + partnerships + " partnerships");
        require(historyLengths.stream().allMatch(length -> length > 0 && length <= historyEvents()),
                "--history-lengths must be between 1 and the events of a history run (" + historyEvents() + "): "
                        + historyLengths);
        require(capacityShare > 0 && capacityShare <= 1, "--capacity-share must be in (0, 1]: " + capacityShare);
        require(fixedRateSeconds > 0, "--fixed-rate-seconds must be positive: " + fixedRateSeconds);
        require(fixedRateEvents() > 0, "--fixed-rate-events must be positive: " + fixedRateEvents());
        require(lookups > 0, "--lookups must be positive: " + lookups);
        require(snapshotRuns > 0 && snapshotRuns % 2 == 1, "--snapshot-runs must be odd and positive: "
                + snapshotRuns);
    }

    private void require(final boolean condition, final String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    long historyEvents() {
        return historyEvents == null ? events : historyEvents;
    }

    long fixedRateEvents() {
        return fixedRateEvents == null ? Math.max(1, events / 10) : fixedRateEvents;
    }

    private Path apicurioHome() {
        if (apicurioHome != null) {
            return apicurioHome;
        }
        return Path.of(System.getProperty("apicurio.home", "target/apicurio"));
    }
}
