package eu.partnershiptracker.testing;

import static org.awaitility.Awaitility.await;

import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.cluster.TopicOffsets;
import eu.partnershiptracker.cluster.TopicSetupException;
import eu.partnershiptracker.cluster.TrackerTopics;
import eu.partnershiptracker.embedded.EmbeddedRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * What a test gets from {@link RealInfrastructure}: a real Kafka broker and a real schema registry, shared by every
 * test of the JVM. Because they are shared, tests should work on topics (and so subjects) of their own, named with
 * {@link #uniqueTopic(String)}.
 */
public final class Infrastructure {

    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicLong TOPIC_COUNTER = new AtomicLong();

    private final String bootstrapServers;
    private final EmbeddedRegistry registry;
    private final Admin admin;

    Infrastructure(final String bootstrapServers, final EmbeddedRegistry registry, final Admin admin) {
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
        this.admin = admin;
    }

    /** The broker's {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The Confluent Schema Registry compatible API, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
    public String registryUrl() {
        return registry.confluentApiUrl();
    }

    /** Apicurio's own API, e.g. {@code http://127.0.0.1:41234/apis/registry/v2}. */
    public String apicurioRegistryUrl() {
        return registry.registryApiUrl();
    }

    /** Where the registry listens, e.g. {@code http://127.0.0.1:41234}: none of its APIs, as a URL given by mistake. */
    public String registryBaseUrl() {
        return registry.baseUrl();
    }

    /** An admin client shared by all tests; it is closed when the test run ends, so do not close it. */
    public Admin admin() {
        return admin;
    }

    /** {@code prefix-N}, with an N never handed out before in this JVM. */
    public String uniqueTopic(final String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return prefix + "-" + TOPIC_COUNTER.incrementAndGet();
    }

    /** The broker and the registry, as the application's own code takes them. */
    public ClusterSettings cluster() {
        return ClusterSettings.of(bootstrapServers, registryUrl()).withTimeout(TOPIC_TIMEOUT);
    }

    /**
     * Creates a topic with replication factor 1, the way the application creates its own, and waits until every
     * partition has a leader.
     *
     * @param configs topic configs, e.g. {@code retention.ms=-1} for records stamped with old dates
     */
    public void createTopic(final String name, final int partitions, final Map<String, String> configs) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configs, "configs");
        try {
            TrackerTopics.ensure(admin, List.of(new NewTopic(name, partitions, (short) 1).configs(configs)),
                    cluster());
        } catch (final TopicSetupException e) {
            throw new IllegalStateException("cannot create topic " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until read_committed consumers see {@code topic} up to its end. A producer's commit returns once the
     * coordinator has decided it, before the commit markers reach the partitions, so a read straight after a publish
     * can find less than the publish committed.
     */
    public void awaitTransactionsSettled(final String topic) {
        Objects.requireNonNull(topic, "topic");
        await("transactions on " + topic + " settled").atMost(TOPIC_TIMEOUT).until(() -> !hasOpenTransaction(topic));
    }

    /** Whether some partition of the topic holds records of a transaction that is not decided and marked yet. */
    public boolean hasOpenTransaction(final String topic) throws Exception {
        return !TopicOffsets.undecided(admin, topic, TOPIC_TIMEOUT).isEmpty();
    }

    /**
     * Every partition's end, uncommitted records and transaction markers included, once the topic's transactions are
     * marked: a measurement between a commit and its markers would be one short.
     */
    public Map<TopicPartition, Long> settledEndOffsets(final String topic) throws Exception {
        awaitTransactionsSettled(topic);
        return offsets(topic, OffsetSpec.latest(), IsolationLevel.READ_UNCOMMITTED);
    }

    /** Each partition's offset of that kind (earliest, latest...), as a consumer with that isolation level sees it. */
    public Map<TopicPartition, Long> offsets(final String topic, final OffsetSpec spec, final IsolationLevel isolation)
            throws Exception {
        return TopicOffsets.of(admin, topic, spec, isolation, TOPIC_TIMEOUT);
    }

    /** A fresh, mutable map of the settings every Kafka client needs here. */
    public Map<String, Object> clientProperties() {
        return cluster().clientProperties();
    }
}
