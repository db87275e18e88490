package eu.partnershiptracker.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The tracker's topics with the settings they must have, and the one way they are created: {@link #ensure} is what
 * publish, serve, the demo, the benchmark and the tests call.
 *
 * <p>Records on every topic carry event and record dates that may be long past, so nothing may be deleted by age
 * (retention.ms=-1, else the broker deletes old-stamped records within minutes). The events topic is the log of record:
 * nothing on it may ever expire, so an existing one with finite retention is refused rather than used. The instruments
 * topic keeps the latest state per instrument (compacted, tombstone when the instrument has no effective fact left).
 */
public final class TrackerTopics {

    /** The settings of the log of record, the events topic. */
    public static final Map<String, String> LOG_OF_RECORD = Map.of(
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1",
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);

    /**
     * The settings of a topic that keeps the latest record per key: the instruments topic, and the changelog of every
     * store (given to the store builder), so that both are set in one place. Restore and a new reader of that topic
     * read every record still in the log, live or dead, and the cleaner only compacts closed segments once enough of
     * the log is dead: 64 MiB segments (not 1 GiB) close often, and a dirty ratio of 0.1 (not 0.5) cleans once a tenth
     * of the log is superseded, so what is read is mostly live data. Compaction may start at once (no
     * min.compaction.lag.ms): nobody reads the superseded versions. Tombstones stay for the default day
     * (delete.retention.ms), so that a reader behind by less than that still sees a DELETE.
     */
    public static final Map<String, String> LATEST_PER_KEY = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.SEGMENT_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024),
            TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1");

    /**
     * Partitions of the topics created when missing. Six split evenly over one, two, three or six stream threads or
     * instances, e.g. two threads on two cores; three would split 2:1. Existing topics keep their count
     * ({@link #ensure} leaves them as they are): a partnership's partition, and so its store, follows from the count.
     */
    public static final int DEFAULT_PARTITIONS = 6;

    private static final Map<String, String> KEEP_FOREVER = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");
    private static final Duration LEADER_POLL = Duration.ofMillis(50);
    private static final Set<String> INFINITE_RETENTION =
            Set.of(TopicConfig.RETENTION_MS_CONFIG, TopicConfig.RETENTION_BYTES_CONFIG);

    private TrackerTopics() {
    }

    /** The events topic alone, as publish creates it. */
    public static NewTopic events(final String name, final int partitions, final short replicationFactor) {
        return new NewTopic(name, partitions, replicationFactor).configs(LOG_OF_RECORD);
    }

    /** All of them; the events topic needs the same partitions as every other, since the keys are the same. */
    public static List<NewTopic> all(final TopicNames names, final int partitions, final short replicationFactor) {
        Objects.requireNonNull(names, "names");
        return List.of(
                events(names.events(), partitions, replicationFactor),
                new NewTopic(names.changes(), partitions, replicationFactor).configs(KEEP_FOREVER),
                new NewTopic(names.instruments(), partitions, replicationFactor).configs(LATEST_PER_KEY),
                new NewTopic(names.deadLetter(), partitions, replicationFactor).configs(KEEP_FOREVER));
    }

    /**
     * Checks that Kafka answers, creates the topics that are missing and leaves those that exist as they are, except
     * that an existing log of record must keep its records forever. Returns once every partition of every topic has a
     * leader, so that clients started next find them.
     *
     * @throws TopicSetupException saying whether Kafka was unreachable, refused, or holds an unfit topic
     */
    public static void ensure(final Admin admin, final Collection<NewTopic> topics, final ClusterSettings cluster)
            throws TopicSetupException {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(cluster, "cluster");
        await(admin.describeCluster().clusterId(), cluster, "describe the cluster");
        final List<String> existing = new ArrayList<>();
        for (final Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(topics).values().entrySet()) {
            try {
                await(created.getValue(), cluster, "create topic " + created.getKey());
            } catch (final TopicSetupException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                existing.add(created.getKey());
            }
        }
        for (final NewTopic topic : topics) {
            if (existing.contains(topic.name()) && isLogOfRecord(topic)) {
                requireInfiniteRetention(admin, topic.name(), cluster);
            }
        }
        for (final NewTopic topic : topics) {
            awaitLeaders(admin, topic.name(), cluster);
        }
    }

    private static boolean isLogOfRecord(final NewTopic topic) {
        return LOG_OF_RECORD.equals(topic.configs());
    }

    private static void requireInfiniteRetention(final Admin admin, final String topic,
            final ClusterSettings cluster) throws TopicSetupException {
        final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        final Config config = await(admin.describeConfigs(Set.of(resource)).all(), cluster,
                "read the configuration of topic " + topic).get(resource);
        for (final String key : INFINITE_RETENTION) {
            final ConfigEntry entry = config.get(key);
            if (entry != null && !"-1".equals(entry.value())) {
                throw new TopicSetupException(TopicSetupException.Kind.UNFIT, "topic " + topic + " has " + key + "="
                        + entry.value() + ", so the broker would delete events from the log of record; set it to -1,"
                        + " e.g. kafka-configs.sh --alter --entity-type topics --entity-name " + topic
                        + " --add-config " + key + "=-1", null);
            }
        }
    }

    /**
     * The controller has committed a new topic; the broker's metadata may lag behind it for a moment, and until it
     * catches up the topic is unknown to it or its partitions have no leader yet.
     */
    private static void awaitLeaders(final Admin admin, final String topic, final ClusterSettings cluster)
            throws TopicSetupException {
        final long deadline = System.nanoTime() + cluster.timeout().toNanos();
        while (!hasLeaders(admin, topic, cluster)) {
            if (System.nanoTime() > deadline) {
                throw new TopicSetupException(TopicSetupException.Kind.UNREACHABLE, "topic " + topic
                        + " has partitions without a leader after " + cluster.timeout().toSeconds() + " s", null);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(LEADER_POLL.toMillis());
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicSetupException(TopicSetupException.Kind.UNREACHABLE,
                        "interrupted while waiting for the leaders of " + topic, e);
            }
        }
    }

    private static boolean hasLeaders(final Admin admin, final String topic, final ClusterSettings cluster)
            throws TopicSetupException {
        final TopicDescription description;
        try {
            description = await(admin.describeTopics(List.of(topic)).allTopicNames(), cluster,
                    "describe topic " + topic).get(topic);
        } catch (final TopicSetupException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
        return description.partitions().stream().allMatch(partition -> partition.leader() != null);
    }

    private static <T> T await(final KafkaFuture<T> future, final ClusterSettings cluster, final String what)
            throws TopicSetupException {
        try {
            return future.get(cluster.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (final TimeoutException e) {
            throw unreachable(cluster, e);
        } catch (final ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(cluster, e.getCause());
            }
            throw new TopicSetupException(TopicSetupException.Kind.REFUSED, cluster.describeKafka()
                    + " refused to " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicSetupException(TopicSetupException.Kind.UNREACHABLE, "interrupted while waiting to "
                    + what, e);
        }
    }

    private static TopicSetupException unreachable(final ClusterSettings cluster, final Throwable cause) {
        return new TopicSetupException(TopicSetupException.Kind.UNREACHABLE, cluster.describeKafka()
                + " did not answer within " + cluster.timeout().toSeconds() + " s", cause);
    }
}
