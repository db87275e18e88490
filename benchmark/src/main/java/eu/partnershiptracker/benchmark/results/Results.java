package eu.partnershiptracker.benchmark.results;

import eu.partnershiptracker.benchmark.baseline.ProducerFigures;
import eu.partnershiptracker.benchmark.latency.LatencyFigures;
import eu.partnershiptracker.benchmark.lookup.Latencies;
import eu.partnershiptracker.benchmark.streams.TopologyFigures;
import eu.partnershiptracker.benchmark.system.Phase;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one benchmark run measured, as written to results-DATE.json: the headline figures at the top level
 * (issue 12's names; the two PostgreSQL figures are null when this build does not measure them), the phases in the
 * order they ran with their load averages, and the details behind the figures.
 */
public record Results(Instant finishedAt, Machine machine, Parameters parameters,
        double producerPerformanceRecordsPerSecond, double consumerPerformanceRecordsPerSecond,
        double passThroughEventsPerSecond, double topologyEventsPerSecond,
        Map<String, Double> throughputByHistoryLength, double changeLatencyP50Millis, double changeLatencyP99Millis,
        double changeLatencyMaxMillis, double asOfLookupInProcessP50Micros, double asOfLookupInProcessP99Micros,
        double asOfLookupHttpP50Micros, double asOfLookupHttpP99Micros, double snapshotInProcessMillis,
        double snapshotHttpMillis, double restoreSeconds, double heapMaxUsedMb, double gcMillis, double eventBytes,
        double bytesWrittenPerEvent, Double postgresAsOfLookupP99Micros, Double postgresSnapshotMillis,
        Ratios ratios, List<Phase> phases, Details details) {

    private static final double MEGABYTE = 1024.0 * 1024.0;

    public Results {
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(parameters, "parameters");
        throughputByHistoryLength = Collections.unmodifiableMap(new LinkedHashMap<>(throughputByHistoryLength));
        Objects.requireNonNull(ratios, "ratios");
        phases = List.copyOf(phases);
        Objects.requireNonNull(details, "details");
    }

    /** The headline figures from the details, with the ratios the goals are stated in. */
    public static Results of(final Parameters parameters, final Details details, final List<Phase> phases,
            final Double postgresLookupP99Micros, final Double postgresSnapshotMillis) {
        final double producer = details.producerPerformance().stream()
                .mapToDouble(ProducerFigures::recordsPerSecond).average().orElseThrow();
        final TopologyFigures tracker = details.tracker();
        final double topology = tracker.recordsPerSecondWhileRunning();
        final double passThrough = details.passThrough().recordsPerSecondWhileRunning();
        final Map<String, Double> byLength = new LinkedHashMap<>();
        details.historyLengths().forEach((length, figures) -> byLength.put(length,
                figures.recordsPerSecondWhileRunning()));
        final List<Integer> lengths = parameters.historyLengths();
        final double longestToShortest = byLength.get(String.valueOf(lengths.get(lengths.size() - 1)))
                / byLength.get(String.valueOf(lengths.get(0)));
        final LatencyFigures latency = details.fixedRateAlone().changeLatency();
        final Latencies inProcess = details.inProcessLookups();
        final Latencies http = details.httpLookups();
        final double eventBytes = details.load().averageValueBytes();
        final double bytesPerEvent = tracker.writes().bytesPerEvent();
        return new Results(Instant.now(), Machine.current(), parameters, producer,
                details.consumerPerformance().recordsPerSecond(), passThrough, topology, byLength,
                latency.p50Millis(), latency.p99Millis(), latency.maxMillis(), inProcess.p50Micros(),
                inProcess.p99Micros(), http.p50Micros(), http.p99Micros(), details.inProcessSnapshot().medianMillis(),
                details.httpSnapshot().medianMillis(), details.restore().secondsToFirstAnswer(),
                details.heap().maxUsedBytes() / MEGABYTE, details.heap().gcMillis(), eventBytes, bytesPerEvent,
                postgresLookupP99Micros, postgresSnapshotMillis,
                new Ratios(topology / passThrough, topology / producer, longestToShortest, bytesPerEvent / eventBytes),
                phases, details);
    }

    /** Where it ran. */
    public record Machine(int cores, String os, String java, long benchmarkMaxHeapBytes) {

        public static Machine current() {
            return new Machine(Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                            + System.getProperty("os.arch"),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory());
        }
    }

    /** What was asked for. */
    public record Parameters(long events, int partnerships, String shape, int partitions, int streamThreads,
            int lookups, long seed, double shareOfCapacity, int fixedRateSeconds, long fixedRateEvents,
            List<Integer> historyLengths, long historyEvents, Map<String, String> streamsProperties) {
    }

    /** Throughput ratios from this run, the goals in the comments of {@link ResultsWriter}. */
    public record Ratios(double topologyToPassThrough, double topologyToProducerPerformance,
            double longestToShortestHistory, double bytesWrittenToEventBytes) {
    }
}
