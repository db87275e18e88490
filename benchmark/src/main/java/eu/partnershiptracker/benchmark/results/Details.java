package eu.partnershiptracker.benchmark.results;

import eu.partnershiptracker.benchmark.baseline.ConsumerFigures;
import eu.partnershiptracker.benchmark.baseline.ProducerFigures;
import eu.partnershiptracker.benchmark.latency.FixedRateFigures;
import eu.partnershiptracker.benchmark.load.PublishFigures;
import eu.partnershiptracker.benchmark.lookup.Latencies;
import eu.partnershiptracker.benchmark.lookup.SnapshotTimes;
import eu.partnershiptracker.benchmark.postgres.PostgresFigures;
import eu.partnershiptracker.benchmark.streams.RestoreFigures;
import eu.partnershiptracker.benchmark.streams.TopologyFigures;
import java.util.List;
import java.util.Map;

/**
 * The figures behind the headline: each run of Kafka's tools and of each topology, the fixed-rate phases (the headline
 * change latency is {@code fixedRateAlone}'s; the other two show it with lookups sharing the cores), the lookups
 * and snapshots, the restore, the heap, and the PostgreSQL comparison (null when not measured, with why in
 * {@code postgresNote}; its lookups are all as of the snapshot date, the tracker's at random dates).
 */
public record Details(List<ProducerFigures> producerPerformance, ConsumerFigures consumerPerformance,
        PublishFigures load, TopologyFigures tracker, TopologyFigures passThrough,
        Map<String, TopologyFigures> historyLengths, FixedRateFigures fixedRateAlone,
        FixedRateFigures fixedRateInProcess, FixedRateFigures fixedRateHttp, Latencies inProcessLookups,
        Latencies httpLookups, SnapshotTimes inProcessSnapshot, SnapshotTimes httpSnapshot, long partnershipsInStore,
        RestoreFigures restore, Heap heap, PostgresFigures postgres, String postgresNote) {

    /** The benchmark JVM's heap over the topology phases (it runs the topology; the harness's own use included). */
    public record Heap(long maxUsedBytes, long usedAfterGcBytes, long maxHeapBytes, long residentBytes,
            long gcMillis, long gcCount) {
    }
}
