package eu.partnershiptracker.publish;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes sure the events topic exists and is fit to be a log of record: nothing on it may ever expire.
 *
 * <p>Retention must be infinite. With the broker's default of seven days, records time out by their timestamps, and
 * losing old events silently would rewrite every partnership's history.
 */
final class EventsTopic {

    static final Map<String, String> LOG_OF_RECORD = Map.of(
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1",
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);

    private EventsTopic() {
    }

    /** Checks the broker answers, then creates the topic or checks the one that is there. Returns the cluster id. */
    static String ensure(final Admin admin, final PublishSettings settings) throws PublishException {
        Objects.requireNonNull(admin, "admin");
        final String clusterId = await(admin.describeCluster().clusterId(), settings,
                "Kafka at " + settings.bootstrapServers() + " is unreachable");
        final NewTopic topic = new NewTopic(settings.topic(), settings.partitions(), settings.replicationFactor())
                .configs(LOG_OF_RECORD);
        try {
            await(admin.createTopics(Set.of(topic)).all(), settings, "cannot create topic " + settings.topic());
        } catch (final PublishException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            checkRetention(admin, settings);
        }
        return clusterId;
    }

    private static void checkRetention(final Admin admin, final PublishSettings settings) throws PublishException {
        final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, settings.topic());
        final Config config = await(admin.describeConfigs(Set.of(resource)).all(), settings,
                "cannot read the configuration of topic " + settings.topic()).get(resource);
        for (final String key : Set.of(TopicConfig.RETENTION_MS_CONFIG, TopicConfig.RETENTION_BYTES_CONFIG)) {
            final ConfigEntry entry = config.get(key);
            if (entry != null && !"-1".equals(entry.value())) {
                throw new PublishException("topic " + settings.topic() + " has " + key + "=" + entry.value()
                        + ", so the broker would delete events from the log of record; set it to -1, e.g."
                        + " kafka-configs.sh --alter --entity-type topics --entity-name " + settings.topic()
                        + " --add-config " + key + "=-1");
            }
        }
    }

    private static <T> T await(final org.apache.kafka.common.KafkaFuture<T> future, final PublishSettings settings,
            final String failure) throws PublishException {
        try {
            return future.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (final TimeoutException e) {
            throw new PublishException(failure + ": no answer within " + settings.timeout().toSeconds() + " s", e);
        } catch (final ExecutionException e) {
            throw new PublishException(failure + ": " + e.getCause().getMessage(), e.getCause());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException(failure + ": interrupted", e);
        }
    }
}
