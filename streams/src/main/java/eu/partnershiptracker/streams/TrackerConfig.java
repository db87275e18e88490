package eu.partnershiptracker.streams;

import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.cluster.TopicNames;
import eu.partnershiptracker.serde.AvroSerdeConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How to run the streams application: its identity, the cluster, its topics, and extra Kafka Streams properties.
 * Exactly-once (exactly_once_v2) is always on: a change must be emitted once with its store update; one standby
 * replica is the default.
 */
public record TrackerConfig(String applicationId, ClusterSettings cluster, TopicNames topics,
        Map<String, String> streamsOverrides) {

    public static final String DEFAULT_APPLICATION_ID = "partnership-tracker";
    private static final String STANDBY_REPLICAS = "1";

    public TrackerConfig {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(topics, "topics");
        streamsOverrides = Map.copyOf(Objects.requireNonNull(streamsOverrides, "streamsOverrides"));
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

    /** Properties for {@code new KafkaStreams(topology, properties)}; overrides win. */
    public Properties streamsProperties() {
        final Properties properties = new Properties();
        properties.putAll(cluster.clientConfig());
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // A warm copy of each partition on another instance: when one goes, its partnerships stay readable there
        // (marked stale) and are taken over without a restore. A lone instance gets none.
        properties.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, STANDBY_REPLICAS);
        properties.putAll(streamsOverrides);
        return properties;
    }
}
