package eu.partnershiptracker.streams;

import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.cluster.TopicNames;
import eu.partnershiptracker.serde.AvroSerdeConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How to run the streams application: its identity, the cluster, its topics, and extra Kafka Streams properties.
 * Exactly-once (exactly_once_v2) is always on: a change must be emitted once with its store update. The other
 * defaults fit the workload and the failover (see {@link #WORKLOAD_DEFAULTS}); overrides win over all of them.
 */
public record TrackerConfig(String applicationId, ClusterSettings cluster, TopicNames topics,
        Map<String, String> streamsOverrides) {

    public static final String DEFAULT_APPLICATION_ID = "partnership-tracker";

    /**
     * Kafka Streams, producer and RocksDB settings for small records at a high rate under exactly-once. Each can be
     * overridden (e.g. the benchmark's --streams-property) to measure it against Kafka's default.
     */
    public static final Map<String, String> WORKLOAD_DEFAULTS = workloadDefaults();

    private static Map<String, String> workloadDefaults() {
        final Map<String, String> defaults = new LinkedHashMap<>();
        // The exactly-once default, stated because it bounds change latency: a change is visible to read_committed
        // readers only at the commit. Longer would batch more per transaction but delay every change.
        defaults.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        // Change and state records repeat field names and partnership ids: lz4 shrinks them several times over for
        // little CPU, which cuts the bytes written to the broker and read back on restore.
        defaults.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // Records of a few hundred bytes: 128 KiB batches (not 16 KiB) carry hundreds per request and compress better.
        defaults.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), "131072");
        // Streams' 100 ms linger equals the commit interval, so batches would wait for the commit's flush and stall it;
        // 10 ms sends during the interval and leaves the flush little to do.
        defaults.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), "10");
        // Restore reads the changelog in larger polls than the default 1000 records, so fewer round trips per store.
        defaults.put(StreamsConfig.restoreConsumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), "10000");
        // One bounded off-heap budget for all stores instead of ~100 MB per store. Its size, MEMORY_BYTES_CONFIG, is
        // left out here: the setter has its default, and Kafka Streams would warn of a key it does not know.
        defaults.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        // A warm copy of each partition on another instance: when one goes, its partnerships stay readable there
        // (marked stale) and are taken over without a restore. A lone instance gets none.
        defaults.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1");
        return Map.copyOf(defaults);
    }

    public TrackerConfig {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(topics, "topics");
        streamsOverrides = Map.copyOf(Objects.requireNonNull(streamsOverrides, "streamsOverrides"));
        // Checked here, at start-up, rather than when the first store opens inside a stream thread.
        BoundedRocksDbMemory.memoryBytes(cluster.clientConfig());
        BoundedRocksDbMemory.memoryBytes(streamsOverrides);
    }

    /** Default application id and topic names, no overrides. */
    public static TrackerConfig of(final String bootstrapServers, final String schemaRegistryUrl) {
        return new TrackerConfig(DEFAULT_APPLICATION_ID, ClusterSettings.of(bootstrapServers, schemaRegistryUrl),
                TopicNames.DEFAULTS, Map.of());
    }

    public TrackerConfig withTopics(final TopicNames newTopics) {
        return new TrackerConfig(applicationId, cluster, newTopics, streamsOverrides);
    }

    public TrackerConfig withApplicationId(final String newApplicationId) {
        return new TrackerConfig(newApplicationId, cluster, topics, streamsOverrides);
    }

    /** These Kafka Streams properties on top of the current ones (e.g. state.dir, commit.interval.ms). */
    public TrackerConfig withStreamsOverrides(final Map<String, String> overrides) {
        final Map<String, String> merged = new LinkedHashMap<>(streamsOverrides);
        merged.putAll(overrides);
        return new TrackerConfig(applicationId, cluster, topics, merged);
    }

    /** Configuration for the Avro serdes: the registry, with the cluster's client settings (registry credentials). */
    public Map<String, Object> serdeConfig() {
        return AvroSerdeConfig.forRegistry(cluster.registryUrl(), cluster.clientConfig());
    }

    /**
     * Properties for {@code new KafkaStreams(topology, properties)}: the workload defaults, then the cluster's client
     * settings, then the application's own; overrides win.
     */
    public Properties streamsProperties() {
        final Properties properties = new Properties();
        // First, so that a client config file that set any of them before these defaults existed still wins.
        properties.putAll(WORKLOAD_DEFAULTS);
        properties.putAll(cluster.clientConfig());
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.putAll(streamsOverrides);
        return properties;
    }
}
