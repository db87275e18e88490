package eu.partnershiptracker.streams.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics the application needs, with the settings they must have. Their records carry event and record dates that
 * may be long past, so nothing may be deleted by age (retention.ms=-1); the state topic keeps the latest state per
 * partnership (compacted, tombstone on DELETE).
 */
public final class TrackerTopics {

    private static final Map<String, String> KEEP_FOREVER = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");

    private TrackerTopics() {
    }

    /** All of them; the events topic needs the same partitions as every other, since the keys are the same. */
    public static List<NewTopic> all(final TrackerConfig config, final int partitions, final short replicationFactor) {
        Objects.requireNonNull(config, "config");
        final TrackerConfig.Topics topics = config.topics();
        return List.of(
                new NewTopic(topics.events(), partitions, replicationFactor).configs(KEEP_FOREVER),
                new NewTopic(topics.changes(), partitions, replicationFactor).configs(KEEP_FOREVER),
                new NewTopic(topics.state(), partitions, replicationFactor).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.RETENTION_MS_CONFIG, "-1")),
                new NewTopic(topics.deadLetter(), partitions, replicationFactor).configs(KEEP_FOREVER));
    }
}
