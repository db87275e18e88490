package eu.partnershiptracker.streams.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Everything the streams application needs to know: where Kafka and the schema registry are, the topic names, and extra
 * Kafka Streams properties. Exactly-once (exactly_once_v2) is always on: a change must be emitted once with its store
 * update.
 */
public record TrackerConfig(String applicationId, String bootstrapServers, String schemaRegistryUrl, Topics topics,
        Map<String, String> streamsOverrides) {

    public static final String DEFAULT_APPLICATION_ID = "partnership-tracker";
    /** The queryable store of partnership timelines: String key "ACTOR:COUNTERPART", value a Timeline. */
    public static final String TIMELINE_STORE = "partnership-timelines";
    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";

    /** Names of the topics the application reads and writes. */
    public record Topics(String events, String changes, String state, String deadLetter) {

        public static final Topics DEFAULTS =
                new Topics("policy-events", "partnership-changes", "partnership-state", "policy-events-dlq");

        public Topics {
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(changes, "changes");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(deadLetter, "deadLetter");
        }
    }

    public TrackerConfig {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(topics, "topics");
        streamsOverrides = Map.copyOf(Objects.requireNonNull(streamsOverrides, "streamsOverrides"));
    }

    /** Default application id and topic names, no overrides. */
    public static TrackerConfig of(final String bootstrapServers, final String schemaRegistryUrl) {
        return new TrackerConfig(DEFAULT_APPLICATION_ID, bootstrapServers, schemaRegistryUrl, Topics.DEFAULTS, Map.of());
    }

    public TrackerConfig withTopics(final Topics newTopics) {
        return new TrackerConfig(applicationId, bootstrapServers, schemaRegistryUrl, newTopics, streamsOverrides);
    }

    public TrackerConfig withApplicationId(final String newApplicationId) {
        return new TrackerConfig(newApplicationId, bootstrapServers, schemaRegistryUrl, topics, streamsOverrides);
    }

    /** These Kafka Streams properties on top of the current ones (e.g. state.dir, commit.interval.ms). */
    public TrackerConfig withStreamsOverrides(final Map<String, String> overrides) {
        final Map<String, String> merged = new LinkedHashMap<>(streamsOverrides);
        merged.putAll(overrides);
        return new TrackerConfig(applicationId, bootstrapServers, schemaRegistryUrl, topics, merged);
    }

    /**
     * Configuration for the Avro serdes: the registry URL, plus the overrides, which carry client settings such as
     * registry credentials ({@code basic.auth.user.info}); the serdes ignore the keys they do not know.
     */
    public Map<String, String> serdeConfig() {
        final Map<String, String> config = new LinkedHashMap<>(streamsOverrides);
        config.put(SCHEMA_REGISTRY_URL_CONFIG, schemaRegistryUrl);
        return Map.copyOf(config);
    }

    /** Properties for {@code new KafkaStreams(topology, properties)}; overrides win. */
    public Properties streamsProperties() {
        final Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.putAll(streamsOverrides);
        return properties;
    }
}
