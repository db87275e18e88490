package eu.partnershiptracker.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How every part of the tracker reaches Kafka and the schema registry: the addresses, the extra client settings
 * (security and the like, applied to every client) and how long either may take to answer before a command gives up
 * with a clear message. The one place that turns them into Kafka client properties.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param registryUrl      base URL of a registry speaking the Confluent API
 * @param clientConfig     extra client and registry settings, e.g. {@code security.protocol}, {@code basic.auth.user.info}
 * @param timeout          how long Kafka or the registry may take to answer
 */
public record ClusterSettings(String bootstrapServers, String registryUrl, Map<String, String> clientConfig,
        Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    public ClusterSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(registryUrl, "registryUrl");
        clientConfig = Map.copyOf(Objects.requireNonNull(clientConfig, "clientConfig"));
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /** A cluster without extra client settings, with the default timeout. */
    public static ClusterSettings of(final String bootstrapServers, final String registryUrl) {
        return new ClusterSettings(bootstrapServers, registryUrl, Map.of(), DEFAULT_TIMEOUT);
    }

    public ClusterSettings withTimeout(final Duration newTimeout) {
        return new ClusterSettings(bootstrapServers, registryUrl, clientConfig, newTimeout);
    }

    /**
     * A fresh, mutable map of the properties every Kafka client shares: the extra settings, the bootstrap servers, and
     * request and API timeouts of {@link #timeout()}, so that an unreachable broker fails a call instead of hanging.
     */
    public Map<String, Object> clientProperties() {
        final Map<String, Object> properties = new HashMap<>(clientConfig);
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        final int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        properties.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis);
        properties.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        return properties;
    }

    /** "Kafka at HOST:PORT", for messages. */
    public String describeKafka() {
        return "Kafka at " + bootstrapServers;
    }
}
