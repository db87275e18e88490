package eu.partnershiptracker.producer.publish;

import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.cluster.TopicNames;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to publish: the cluster, the events topic and its layout.
 *
 * @param cluster           Kafka, the registry, extra client settings and how long they may take to answer
 * @param topic             the events topic
 * @param partitions        partitions for the events topic when it has to be created
 * @param replicationFactor replication factor for the events topic when it has to be created
 * @param transactionalId   fixed per publisher, so that a second publisher fences the first instead of interleaving
 */
public record PublishSettings(ClusterSettings cluster, String topic, int partitions, short replicationFactor,
        String transactionalId) {

    public static final String DEFAULT_TRANSACTIONAL_ID = "partnership-tracker-publisher";

    public PublishSettings {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(transactionalId, "transactionalId");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, got " + replicationFactor);
        }
    }

    /** Settings for a local single-broker cluster; tests and the demo start from here. */
    public static PublishSettings local(final String bootstrapServers, final String registryUrl) {
        return new PublishSettings(ClusterSettings.of(bootstrapServers, registryUrl), TopicNames.DEFAULT_EVENTS, 3,
                (short) 1, DEFAULT_TRANSACTIONAL_ID);
    }

    public PublishSettings withTimeout(final Duration newTimeout) {
        return new PublishSettings(cluster.withTimeout(newTimeout), topic, partitions, replicationFactor,
                transactionalId);
    }
}
