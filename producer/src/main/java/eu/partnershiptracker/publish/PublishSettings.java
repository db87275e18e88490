package eu.partnershiptracker.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to publish: the cluster, the registry, the events topic and its layout.
 *
 * @param bootstrapServers  Kafka bootstrap servers
 * @param registryUrl       base URL of a registry speaking the Confluent API
 * @param topic             the events topic
 * @param partitions        partitions for the events topic when it has to be created
 * @param replicationFactor replication factor for the events topic when it has to be created
 * @param transactionalId   fixed per publisher, so that a second publisher fences the first instead of interleaving
 * @param timeout           how long to wait for the broker or the registry before giving up with a clear message
 * @param clientConfig      extra client properties (security settings and the like), applied to every client
 */
public record PublishSettings(String bootstrapServers, String registryUrl, String topic, int partitions,
        short replicationFactor, String transactionalId, Duration timeout, Map<String, String> clientConfig) {

    public static final String DEFAULT_TOPIC = "policy-events";
    public static final String DEFAULT_TRANSACTIONAL_ID = "partnership-tracker-publisher";

    public PublishSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(registryUrl, "registryUrl");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(transactionalId, "transactionalId");
        Objects.requireNonNull(timeout, "timeout");
        clientConfig = Map.copyOf(Objects.requireNonNull(clientConfig, "clientConfig"));
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, got " + replicationFactor);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /** Settings for a local single-broker cluster; tests and the demo start from here. */
    public static PublishSettings local(final String bootstrapServers, final String registryUrl) {
        return new PublishSettings(bootstrapServers, registryUrl, DEFAULT_TOPIC, 3, (short) 1,
                DEFAULT_TRANSACTIONAL_ID, Duration.ofSeconds(15), Map.of());
    }

    public PublishSettings withTopic(final String newTopic) {
        return new PublishSettings(bootstrapServers, registryUrl, newTopic, partitions, replicationFactor,
                transactionalId, timeout, clientConfig);
    }

    public PublishSettings withTimeout(final Duration newTimeout) {
        return new PublishSettings(bootstrapServers, registryUrl, topic, partitions, replicationFactor,
                transactionalId, newTimeout, clientConfig);
    }

    /** Properties every Kafka client of a publish run shares. */
    Map<String, Object> commonClientProperties() {
        final Map<String, Object> properties = new HashMap<>(clientConfig);
        properties.put("bootstrap.servers", bootstrapServers);
        final int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        properties.put("request.timeout.ms", millis);
        properties.put("default.api.timeout.ms", millis);
        return properties;
    }
}
