package eu.partnershiptracker.benchmark.results;

import eu.partnershiptracker.benchmark.baseline.ConsumerFigures;
import eu.partnershiptracker.benchmark.baseline.ProducerFigures;
import eu.partnershiptracker.benchmark.load.PublishFigures;
import eu.partnershiptracker.benchmark.lookup.Latencies;
import eu.partnershiptracker.benchmark.lookup.SnapshotRun;
import eu.partnershiptracker.benchmark.streams.RestoreFigures;
import eu.partnershiptracker.benchmark.streams.TopologyFigures;
import java.time.Instant;
import java.util.List;

/** Everything one benchmark run measured, as written to docs/benchmarks/results-DATE.json. */
public record Results(Instant finishedAt, Machine machine, Parameters parameters, ProducerFigures producerPerformance,
        ConsumerFigures consumerPerformance, PublishFigures load, TopologyFigures topology, List<Latencies> lookups,
        SnapshotRun.Snapshot snapshot, RestoreFigures restore, Ratios ratios) {

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
    public record Parameters(long events, int partnerships, int partitions, int streamThreads, int lookups, long seed,
            String httpUrl) {
    }

    /** The topology's records per second as a fraction of the raw broker's, measured on the same broker in the same run. */
    public record Ratios(double topologyToProducerPerformance, double topologyToConsumerPerformance,
            double topologyToConsumerFetch, double loadPublishToProducerPerformance) {

        public static Ratios of(final TopologyFigures topology, final ProducerFigures producer,
                final ConsumerFigures consumer, final PublishFigures load) {
            return new Ratios(topology.recordsPerSecond() / producer.recordsPerSecond(),
                    topology.recordsPerSecond() / consumer.recordsPerSecond(),
                    topology.recordsPerSecond() / consumer.fetchRecordsPerSecond(),
                    load.recordsPerSecond() / producer.recordsPerSecond());
        }
    }
}
