package eu.partnershiptracker.benchmark;

import eu.partnershiptracker.benchmark.baseline.ConsumerFigures;
import eu.partnershiptracker.benchmark.baseline.KafkaPerfTools;
import eu.partnershiptracker.benchmark.baseline.ProducerFigures;
import eu.partnershiptracker.benchmark.load.EventGenerator;
import eu.partnershiptracker.benchmark.load.LoadPublisher;
import eu.partnershiptracker.benchmark.load.PublishFigures;
import eu.partnershiptracker.benchmark.lookup.HttpLookup;
import eu.partnershiptracker.benchmark.lookup.InProcessLookup;
import eu.partnershiptracker.benchmark.lookup.Latencies;
import eu.partnershiptracker.benchmark.lookup.LatencyRun;
import eu.partnershiptracker.benchmark.lookup.LookupTarget;
import eu.partnershiptracker.benchmark.lookup.SnapshotRun;
import eu.partnershiptracker.benchmark.results.Results;
import eu.partnershiptracker.benchmark.results.ResultsWriter;
import eu.partnershiptracker.benchmark.streams.TopologyRun;
import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.cluster.TopicNames;
import eu.partnershiptracker.cluster.TrackerTopics;
import eu.partnershiptracker.embedded.EmbeddedKafka;
import eu.partnershiptracker.embedded.EmbeddedRegistry;
import eu.partnershiptracker.query.service.ServeSettings;
import eu.partnershiptracker.query.service.TrackerService;
import eu.partnershiptracker.streams.TrackerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.io.file.PathUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The benchmark: one broker and one registry, Kafka's own perf tools on them for the raw figures, then the tracker's
 * topology over a generated load on the same broker (throughput, heap, as-of lookups, a full snapshot, a restore).
 * Writes results-DATE.json and prints the Markdown table for docs/BENCHMARKS.md.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Measures the Partnership Tracker topology beside Kafka's own ProducerPerformance and "
                + "ConsumerPerformance on the same broker.")
public final class Benchmark implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);
    private static final Duration REGISTRY_STARTUP = Duration.ofMinutes(3);
    private static final String BROKER_HEAP = "2g";
    private static final Duration BROKER_STARTUP = Duration.ofMinutes(3);
    private static final String BASELINE_TOPIC = "broker-baseline";
    private static final String APPLICATION_ID = "tracker-benchmark";

    @Option(names = "--events", defaultValue = "1000000", description = "Events to generate (default ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--partnerships", defaultValue = "10000",
            description = "Partnerships to spread them over (default ${DEFAULT-VALUE}).")
    int partnerships;

    @Option(names = "--lookups", defaultValue = "10000",
            description = "Timed as-of lookups per target (default ${DEFAULT-VALUE}).")
    int lookups;

    @Option(names = "--out", defaultValue = "docs/benchmarks",
            description = "Directory for results-DATE.json (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--http-url", description = "Base URL of a tracker HTTP API serving this run's store; by default "
            + "the run starts its own (TrackerService on the processed state) and times lookups through it.")
    String httpUrl;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions per topic (default ${DEFAULT-VALUE}).")
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

    @Option(names = "--processing-limit-minutes", defaultValue = "60", description = "How long the topology may "
            + "take over the load; past it, what it processed is measured (default ${DEFAULT-VALUE}).")
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

    public static void main(final String[] args) {
        System.exit(new CommandLine(new Benchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        final Path work = workRoot == null ? Files.createTempDirectory("tracker-benchmark-")
                : Files.createTempDirectory(Files.createDirectories(workRoot), "tracker-benchmark-");
        LOG.info("work directory {}", work);
        final Results results = run(work);
        final ResultsWriter writer = new ResultsWriter();
        final Path file = writer.write(results, out);
        System.out.println(writer.table(results));
        LOG.info("results written to {}", file);
        PathUtils.deleteDirectory(work);
        return 0;
    }

    private Results run(final Path work) throws Exception {
        final EventGenerator load = new EventGenerator(seed, events, partnerships);
        final Duration timeout = Duration.ofMinutes(timeoutMinutes);
        try (EmbeddedRegistry registry = EmbeddedRegistry.start(apicurioHome(), work, REGISTRY_STARTUP);
             EmbeddedKafka broker = EmbeddedKafka.start(work.resolve("kafka"), 0, BROKER_HEAP, BROKER_STARTUP)) {
            final ClusterSettings cluster = ClusterSettings.of(broker.bootstrapServers(), registry.confluentApiUrl());
            try (Admin admin = Admin.create(cluster.clientProperties())) {
                return run(work, load, timeout, cluster, admin);
            }
        }
    }

    /** The phases of a run, on a broker and a registry that are up. */
    private Results run(final Path work, final EventGenerator load, final Duration timeout,
            final ClusterSettings cluster, final Admin admin) throws Exception {
        final TrackerConfig config = new TrackerConfig(APPLICATION_ID, cluster, TopicNames.DEFAULTS, Map.of(
                StreamsConfig.STATE_DIR_CONFIG, work.resolve("state").toString(),
                StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(streamThreads)));
        final List<NewTopic> topics = new ArrayList<>(TrackerTopics.all(config.topics(), partitions, (short) 1));
        topics.add(new NewTopic(BASELINE_TOPIC, partitions, (short) 1));
        TrackerTopics.ensure(admin, topics, cluster.withTimeout(timeout));

        LOG.info("publishing {} events over {} partnerships", events, partnerships);
        final Map<String, Object> producerProperties = cluster.clientProperties();
        producerProperties.putAll(config.serdeConfig());
        final PublishFigures published = new LoadPublisher(producerProperties)
                .publish(load, config.topics().events(), seed);
        LOG.info("published: {}", published);

        final KafkaPerfTools tools = new KafkaPerfTools(cluster.bootstrapServers(), work, timeout);
        final ProducerFigures producer =
                tools.produce(BASELINE_TOPIC, events, (int) Math.round(published.averageValueBytes()));
        LOG.info("ProducerPerformance: {}", producer);
        final ConsumerFigures consumer = tools.consume(BASELINE_TOPIC, events);
        LOG.info("ConsumerPerformance: {}", consumer);

        final TopologyRun topology = new TopologyRun(config, admin, Duration.ofMinutes(processingLimitMinutes), timeout);
        final TopologyRun.Processed processed = topology.process(events);
        LOG.info("topology: {}", processed.figures());
        final List<String> keys = processed.app().partnershipKeys();
        final List<Latencies> latencies = new ArrayList<>();
        final SnapshotRun.Snapshot snapshot;
        try {
            latencies.addAll(measureLookups(keys, new InProcessLookup(processed.app().timelines())));
            snapshot = new SnapshotRun(processed.app().timelines()).measure(snapshotDate, snapshotRuns);
            LOG.info("lookups: {}; snapshot: {}", latencies, snapshot);
        } catch (final RuntimeException e) {
            processed.app().close();
            throw e;
        }
        final TopologyRun.Restored restored = topology.restore(processed.app());
        restored.app().close();
        LOG.info("restore: {}", restored.figures());
        if (httpUrl == null) {
            latencies.add(measureOverHttp(keys, config, work));
        }
        return new Results(Instant.now(), Results.Machine.current(),
                new Results.Parameters(events, partnerships, partitions, streamThreads, lookups, seed, httpUrl),
                producer, consumer, published, processed.figures(), latencies, snapshot, restored.figures(),
                Results.Ratios.of(processed.figures(), producer, consumer, published));
    }

    /**
     * Lookups through the real HTTP API: the application's own service, started on the state the run built (same
     * application id and state directory, so nothing is reprocessed), on an ephemeral port.
     */
    private Latencies measureOverHttp(final List<String> keys, final TrackerConfig config, final Path work) {
        final ServeSettings settings = ServeSettings.builder(config.cluster())
                .applicationId(config.applicationId())
                .topics(config.topics())
                .stateDir(work.resolve("state"))
                .httpHost("127.0.0.1")
                .advertisedHost("127.0.0.1")
                .httpPort(0)
                .partitions(partitions)
                .build();
        try (TrackerService service = TrackerService.start(settings)) {
            final Latencies http = new LatencyRun(keys, seed)
                    .measure(new HttpLookup("http://127.0.0.1:" + service.httpPort()), lookups);
            LOG.info("lookups over HTTP: {}", http);
            return http;
        }
    }

    /** The in-process lookup always; an external HTTP API too when its URL is given. */
    private List<Latencies> measureLookups(final List<String> keys, final LookupTarget inProcess) {
        final List<LookupTarget> targets = new ArrayList<>(List.of(inProcess));
        if (httpUrl != null) {
            targets.add(new HttpLookup(httpUrl));
        }
        final LatencyRun run = new LatencyRun(keys, seed);
        return targets.stream().map(target -> run.measure(target, lookups)).toList();
    }

    private Path apicurioHome() {
        if (apicurioHome != null) {
            return apicurioHome;
        }
        return Path.of(System.getProperty("apicurio.home", "target/apicurio"));
    }
}
