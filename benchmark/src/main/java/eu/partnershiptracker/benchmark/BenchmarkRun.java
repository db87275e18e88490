package eu.partnershiptracker.benchmark;

import static org.awaitility.Awaitility.await;

import eu.partnershiptracker.benchmark.baseline.ConsumerFigures;
import eu.partnershiptracker.benchmark.baseline.KafkaPerfTools;
import eu.partnershiptracker.benchmark.baseline.ProducerFigures;
import eu.partnershiptracker.benchmark.latency.ChangeLatency;
import eu.partnershiptracker.benchmark.latency.FixedRateFigures;
import eu.partnershiptracker.benchmark.load.EventGenerator;
import eu.partnershiptracker.benchmark.load.LoadPublisher;
import eu.partnershiptracker.benchmark.load.PublishFigures;
import eu.partnershiptracker.benchmark.lookup.InProcessLookup;
import eu.partnershiptracker.benchmark.lookup.InstrumentStatusRows;
import eu.partnershiptracker.benchmark.lookup.Latencies;
import eu.partnershiptracker.benchmark.lookup.LatencyRun;
import eu.partnershiptracker.benchmark.lookup.RemoteFigures;
import eu.partnershiptracker.benchmark.lookup.RemoteLookup;
import eu.partnershiptracker.benchmark.lookup.SnapshotRun;
import eu.partnershiptracker.benchmark.lookup.SnapshotTimes;
import eu.partnershiptracker.benchmark.lookup.TrackerQueries;
import eu.partnershiptracker.benchmark.passthrough.PassThroughTopics;
import eu.partnershiptracker.benchmark.passthrough.PassThroughTopology;
import eu.partnershiptracker.benchmark.postgres.InstrumentStatusRow;
import eu.partnershiptracker.benchmark.postgres.PostgresBinaries;
import eu.partnershiptracker.benchmark.postgres.PostgresComparison;
import eu.partnershiptracker.benchmark.postgres.PostgresFigures;
import eu.partnershiptracker.benchmark.results.Details;
import eu.partnershiptracker.benchmark.results.Results;
import eu.partnershiptracker.benchmark.streams.GroupProgress;
import eu.partnershiptracker.benchmark.streams.HeapSampler;
import eu.partnershiptracker.benchmark.streams.RestoreListener;
import eu.partnershiptracker.benchmark.streams.StreamsApp;
import eu.partnershiptracker.benchmark.streams.TopologyFigures;
import eu.partnershiptracker.benchmark.streams.TopologyRun;
import eu.partnershiptracker.benchmark.system.PhaseLog;
import eu.partnershiptracker.benchmark.writes.TopicWrites;
import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.cluster.TopicNames;
import eu.partnershiptracker.cluster.TopicSetupException;
import eu.partnershiptracker.cluster.TrackerTopics;
import eu.partnershiptracker.query.PartnershipFilter;
import eu.partnershiptracker.query.PartnershipView;
import eu.partnershiptracker.query.QueryTime;
import eu.partnershiptracker.query.QueryUnavailableException;
import eu.partnershiptracker.query.TimelineQueries;
import eu.partnershiptracker.query.service.ServeSettings;
import eu.partnershiptracker.query.service.TrackerService;
import eu.partnershiptracker.streams.TrackerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phases of one benchmark run on a broker and a registry that are up, interleaved so that background load hits
 * the yardsticks and the tracker alike: ProducerPerformance; the tracker over the load (its writes per event counted
 * by its producers); the pass-through topology told to write the same; ConsumerPerformance; ProducerPerformance again.
 * Then, on the tracker's state: a fixed rate at a share of its capacity with nothing else at work (the change latency
 * of the headline), the same with in-process lookups, a snapshot, the same fixed rate with the HTTP API and a lookup
 * client in another JVM, a restore after deleting local state, PostgreSQL, and the tracker at each history length.
 */
final class BenchmarkRun {

    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkRun.class);
    private static final String TRACKER = "tracker";
    private static final String PASS_THROUGH = "pass-through";
    private static final String BASELINE_BEFORE = "baseline-before";
    private static final String BASELINE_AFTER = "baseline-after";
    private static final String MEASURED = "measured in this run";
    private static final long WARM_UP_EVENTS = 100_000;
    /*
     * Each fixed-rate phase publishes partnerships of its own (seed and keys derive from its round); the phase alone
     * was added after the other two, so it takes the next round and they keep the partnerships of earlier runs.
     */
    private static final int ROUND_IN_PROCESS_LOOKUPS = 1;
    private static final int ROUND_HTTP_CLIENT = 2;
    private static final int ROUND_ALONE = 3;

    private final Benchmark options;
    private final Path work;
    private final ClusterSettings cluster;
    private final Admin admin;
    private final Duration timeout;
    private final PhaseLog phases = new PhaseLog();
    private final TopologyRun topologyRun;
    private final LoadPublisher publisher;

    BenchmarkRun(final Benchmark options, final Path work, final ClusterSettings cluster, final Admin admin) {
        this.options = Objects.requireNonNull(options, "options");
        this.work = Objects.requireNonNull(work, "work");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.timeout = Duration.ofMinutes(options.timeoutMinutes);
        this.topologyRun = new TopologyRun(admin, Duration.ofMinutes(options.processingLimitMinutes), timeout);
        final Map<String, Object> producerProperties = cluster.clientProperties();
        producerProperties.putAll(config(TRACKER, topics(TRACKER)).serdeConfig());
        this.publisher = new LoadPublisher(producerProperties);
    }

    Results run() throws Exception {
        final TopicNames main = topics(TRACKER);
        final List<NewTopic> topics = new ArrayList<>(TrackerTopics.all(main, options.partitions, (short) 1));
        topics.add(new NewTopic(BASELINE_BEFORE, options.partitions, (short) 1));
        topics.add(new NewTopic(BASELINE_AFTER, options.partitions, (short) 1));
        TrackerTopics.ensure(admin, topics, cluster);
        final EventGenerator load = new EventGenerator(options.seed, options.events, options.partnerships, 0,
                options.shape);
        final PublishFigures published = phases.run("publish " + options.events + " events",
                () -> publisher.publish(load, main.events(), options.seed));
        LOG.info("published: {}", published);
        final int recordBytes = (int) Math.round(published.averageValueBytes());
        final KafkaPerfTools tools = new KafkaPerfTools(cluster.bootstrapServers(), work, timeout);
        final List<ProducerFigures> producer = new ArrayList<>();
        producer.add(phases.run("ProducerPerformance", () -> tools.produce(BASELINE_BEFORE, options.events,
                recordBytes)));

        phases.run("JIT warm-up: the tracker over a load of its own", this::warmUp);
        try (HeapSampler heap = HeapSampler.start()) {
            final TrackerConfig config = config(TRACKER, main);
            final StreamsApp tracker = StreamsApp.tracker(config, new RestoreListener());
            final TopologyFigures trackerFigures = phases.run("tracker topology",
                    () -> topologyRun.process(tracker, TRACKER, main.events(), options.events));
            LOG.info("tracker: {}", trackerFigures);
            final double rate = options.capacityShare * trackerFigures.recordsPerSecondWhileRunning();
            final TopologyFigures passThrough;
            final ConsumerFigures consumer;
            final FixedRateFigures aloneRate;
            final FixedRateFigures inProcessRate;
            final Latencies inProcessLookups;
            final SnapshotTimes inProcessSnapshot;
            final long partnershipsInStore;
            try {
                passThrough = phases.run("pass-through topology", () -> passThrough(trackerFigures, main));
                LOG.info("pass-through: {}", passThrough);
                consumer = phases.run("ConsumerPerformance", () -> tools.consume(BASELINE_BEFORE, options.events));
                producer.add(phases.run("ProducerPerformance", () -> tools.produce(BASELINE_AFTER, options.events,
                        recordBytes)));
                // On 2 cores a lookup loop takes a core from the topology: the headline latency is measured alone.
                aloneRate = phases.run("fixed rate, nothing else at work", () -> fixedRate(TRACKER, main, rate,
                        ROUND_ALONE, "nothing", () -> { }));
                final TimelineQueries queries = TrackerQueries.of(tracker);
                final CompletableFuture<Latencies> lookups = new CompletableFuture<>();
                inProcessRate = phases.run("fixed rate, in-process lookups", () -> fixedRate(TRACKER, main, rate,
                        ROUND_IN_PROCESS_LOOKUPS, "in-process lookups",
                        () -> lookups.completeAsync(() -> new LatencyRun(load.keys(), options.seed)
                                .measure(new InProcessLookup(queries), options.lookups))));
                inProcessLookups = lookups.join();
                inProcessSnapshot = phases.run("snapshot in-process",
                        () -> new SnapshotRun(queries).measure(options.snapshotDate, options.snapshotRuns));
                partnershipsInStore = queries.partnerships(QueryTime.NOW, PartnershipFilter.ALL).count();
            } finally {
                tracker.close();
            }
            final HttpPhase http = phases.run("fixed rate, HTTP lookups from another JVM",
                    () -> overHttp(main, rate, load.keys()));
            final TopologyRun.Restored restored = phases.run("restore after deleting local state",
                    () -> topologyRun.restore(StreamsApp.tracker(config, new RestoreListener()),
                            listener -> StreamsApp.tracker(config, listener), app -> answers(app, load.keys().get(0))));
            final Postgres postgres;
            try {
                postgres = phases.run("PostgreSQL as-of lookups and snapshots",
                        () -> postgres(TrackerQueries.of(restored.app()), load.keys()));
            } finally {
                restored.app().close();
            }
            LOG.info("restore: {}", restored.figures());
            final Map<String, TopologyFigures> byLength = new LinkedHashMap<>();
            for (final int length : options.historyLengths) {
                byLength.put(String.valueOf(length), phases.run("tracker at " + length + " events per partnership",
                        () -> historyLength(length)));
            }
            final Details details = new Details(producer, consumer, published, trackerFigures, passThrough, byLength,
                    aloneRate, inProcessRate, http.rate(), inProcessLookups, http.client().lookups(),
                    inProcessSnapshot, http.client().snapshot(), partnershipsInStore, restored.figures(),
                    new Details.Heap(heap.maxUsedBytes(), HeapSampler.usedAfterGcBytes(), HeapSampler.maxHeapBytes(),
                            HeapSampler.residentBytes(), heap.gcMillisSinceStart(), heap.gcCountSinceStart()),
                    postgres.figures(), postgres.note());
            return Results.of(parameters(), details, phases.phases(),
                    postgres.figures() == null ? null : postgres.figures().asOfLookupP99Micros(),
                    postgres.figures() == null ? null : postgres.figures().snapshotMillis());
        }
    }

    /** The pass-through topology over the same events, writing what the tracker wrote per event. */
    private TopologyFigures passThrough(final TopologyFigures tracker, final TopicNames main) {
        try {
            final List<String> outputs = PassThroughTopics.create(admin, tracker.writes(), PASS_THROUGH);
            final TrackerConfig config = config(PASS_THROUGH, main);
            final StreamsApp app = StreamsApp.of(PassThroughTopology.build(main.events(), tracker.writes(), outputs),
                    config.streamsProperties(), new RestoreListener());
            try (app) {
                return topologyRun.process(app, PASS_THROUGH, main.events(), options.events);
            }
        } catch (final Exception e) {
            throw new IllegalStateException("the pass-through phase failed", e);
        }
    }

    /**
     * Publishes new partnerships at {@code rate} events per second for the fixed-rate time to the application's
     * events topic while a read_committed reader times the changes; {@code alongside} starts when publishing does.
     *
     * @param round which fixed-rate phase, so that each publishes partnerships of its own
     * @param alongsideName what {@code alongside} does, as the results name it
     */
    private FixedRateFigures fixedRate(final String applicationId, final TopicNames topics, final double rate,
            final int round, final String alongsideName, final Runnable alongside) {
        final long events = Math.max(1,
                Math.min(options.fixedRateEvents(), Math.round(rate * options.fixedRateSeconds)));
        final EventGenerator generator = new EventGenerator(options.seed + round, events, partnershipsFor(events),
                options.partnerships + round * 1_000_000, options.shape);
        try (ChangeLatency latency = ChangeLatency.start(cluster.clientProperties(), topics.changes())) {
            alongside.run();
            final PublishFigures published = publisher.publish(generator, topics.events(), options.seed + round, rate);
            final GroupProgress progress = new GroupProgress(admin, applicationId, topics.events(), timeout);
            await(applicationId + " to process the fixed-rate load").atMost(timeout)
                    .pollInterval(Duration.ofMillis(100)).until(() -> progress.lag() == 0);
            return new FixedRateFigures(alongsideName, options.capacityShare, rate, published,
                    latency.finish(admin, timeout));
        } catch (final Exception e) {
            throw new IllegalStateException("the fixed-rate phase of " + applicationId + " failed", e);
        }
    }

    /**
     * The tracker as it is served (TrackerService, same application id, state and configuration) under the fixed
     * rate, with the lookup client in its own JVM at work meanwhile.
     */
    private HttpPhase overHttp(final TopicNames main, final double rate, final List<String> keys) {
        final ServeSettings settings = ServeSettings.builder(cluster)
                .applicationId(TRACKER)
                .topics(main)
                .stateDir(stateDir(TRACKER))
                .httpHost("127.0.0.1")
                .advertisedHost("127.0.0.1")
                .httpPort(0)
                .partitions(options.partitions)
                .readyTimeout(timeout)
                .streamsOverrides(streamsOverrides())
                .build();
        try (TrackerService service = TrackerService.start(settings)) {
            final String url = options.httpUrl == null ? "http://127.0.0.1:" + service.httpPort() : options.httpUrl;
            final AtomicReference<RemoteLookup.Running> client = new AtomicReference<>();
            final FixedRateFigures figures = fixedRate(TRACKER, main, rate, ROUND_HTTP_CLIENT,
                    "the HTTP API and a lookup client in another JVM", () -> client.set(new RemoteLookup(work,
                            timeout).start(url, keys, options.lookups, options.seed, options.snapshotDate,
                            options.snapshotRuns)));
            return new HttpPhase(figures, client.get().figures());
        }
    }

    /**
     * The same facts in PostgreSQL, from the tracker's own answers, and the same lookups and snapshot there; not
     * measured, and said why, where PostgreSQL is not installed.
     */
    private Postgres postgres(final TimelineQueries queries, final List<String> lookupKeys) {
        if (PostgresBinaries.find().isEmpty()) {
            LOG.warn("PostgreSQL's initdb was not found: the PostgreSQL comparison is not measured");
            return new Postgres(null, "not measured: PostgreSQL's initdb was not found");
        }
        final List<String> keys = queries.partnerships(QueryTime.NOW, PartnershipFilter.ALL).items().stream()
                .map(PartnershipView::key).toList();
        final List<InstrumentStatusRow> rows = InstrumentStatusRows.of(queries, keys);
        final List<String> shuffled = new ArrayList<>(lookupKeys);
        Collections.shuffle(shuffled, new Random(options.seed));
        final PostgresFigures figures = PostgresComparison.run(work.resolve("postgres"), rows, options.snapshotDate,
                shuffled, options.lookups);
        LOG.info("PostgreSQL: {}", figures);
        return new Postgres(figures, MEASURED);
    }

    /** The PostgreSQL figures (null when not measured) and what to say about them. */
    private record Postgres(PostgresFigures figures, String note) {
    }

    /** The fixed-rate phase with the HTTP API, and what the lookup client measured meanwhile. */
    private record HttpPhase(FixedRateFigures rate, RemoteFigures client) {
    }

    /** The tracker alone over a load of {@code length} events per partnership, on topics and state of its own. */
    private TopologyFigures historyLength(final int length) {
        return trackerAlone(TRACKER + "-h" + length,
                EventGenerator.withHistoryLength(options.seed, options.historyEvents(), length, options.shape));
    }

    /**
     * The tracker over a tenth of the load (at most 100,000 events) on topics of its own, before anything is timed: the
     * tracker is the first topology of the run, and the JIT would otherwise compile its path (and Kafka Streams')
     * on the measured load, which the pass-through after it does not pay.
     */
    private TopologyFigures warmUp() {
        final long events = Math.max(1, Math.min(WARM_UP_EVENTS, options.events / 10));
        return trackerAlone(TRACKER + "-warm-up", new EventGenerator(options.seed - 1, events, partnershipsFor(events),
                0, options.shape));
    }

    /** How many partnerships a smaller load of {@code events} has, at the main load's events per partnership. */
    private int partnershipsFor(final long events) {
        final long perPartnership = Math.max(1, options.events / options.partnerships);
        return (int) Math.max(1, events / perPartnership);
    }

    /** Publishes the load to topics of the application's own, processes it, and wipes the application's state. */
    private TopologyFigures trackerAlone(final String name, final EventGenerator load) {
        final TopicNames topics = topics(name);
        try {
            TrackerTopics.ensure(admin, TrackerTopics.all(topics, options.partitions, (short) 1), cluster);
        } catch (final TopicSetupException e) {
            throw new IllegalStateException("cannot create the topics of " + name, e);
        }
        publisher.publish(load, topics.events(), options.seed);
        final StreamsApp app = StreamsApp.tracker(config(name, topics), new RestoreListener());
        final TopologyFigures figures = topologyRun.process(app, name, topics.events(), load.events());
        app.closeAndWipeState();
        LOG.info("{}: {}", name, figures);
        return figures;
    }

    /** True once the application answers an as-of lookup through the query code. */
    private static boolean answers(final StreamsApp app, final String key) {
        try {
            return TrackerQueries.of(app).partnership(key, QueryTime.NOW).isPresent();
        } catch (final QueryUnavailableException e) {
            return false;
        }
    }

    private static TopicNames topics(final String name) {
        return new TopicNames(name + "-events", name + "-changes", name + "-instruments", name + "-dlq");
    }

    private Path stateDir(final String applicationId) {
        return work.resolve("state").resolve(applicationId);
    }

    /** The same Streams configuration for every application of the run, with its own id and state directory. */
    private TrackerConfig config(final String applicationId, final TopicNames topics) {
        final Map<String, String> overrides = new LinkedHashMap<>(streamsOverrides());
        overrides.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(applicationId).toString());
        return new TrackerConfig(applicationId, cluster, topics, Map.of()).withStreamsOverrides(overrides);
    }

    /** Threads, the write counter on every producer, then the user's properties, which win. */
    private Map<String, String> streamsOverrides() {
        final Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(options.streamThreads));
        overrides.putAll(TopicWrites.streamsProperty());
        overrides.putAll(options.streamsProperties);
        return overrides;
    }

    private Results.Parameters parameters() {
        return new Results.Parameters(options.events, options.partnerships, options.shape.name(), options.partitions,
                options.streamThreads, options.lookups, options.seed, options.capacityShare, options.fixedRateSeconds,
                options.fixedRateEvents(), List.copyOf(options.historyLengths), options.historyEvents(),
                Map.copyOf(options.streamsProperties));
    }
}
