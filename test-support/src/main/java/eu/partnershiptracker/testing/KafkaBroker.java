package eu.partnershiptracker.testing;

import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker in KRaft combined mode (broker and controller in one node), running inside this JVM
 * on a random port, with its data in a temporary directory that is deleted on close.
 */
public final class KafkaBroker implements AutoCloseable {

    /**
     * Internal topics sized for one node, so that transactions (exactly-once Kafka Streams) work; few partitions for
     * them because creating fifty of each on first use only costs start-up time here.
     */
    private static final Map<String, String> SINGLE_NODE_CONFIG = Map.of(
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "3",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "transaction.state.log.num.partitions", "3",
            "share.coordinator.state.topic.replication.factor", "1",
            "share.coordinator.state.topic.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0");

    private final KafkaClusterTestKit cluster;

    private KafkaBroker(final KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Formats and starts the broker, returning once it is registered, unfenced and serving clients. */
    public static KafkaBroker start() throws Exception {
        final TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build();
        final KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        SINGLE_NODE_CONFIG.forEach(builder::setConfigProp);
        final KafkaClusterTestKit cluster = builder.build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KafkaBroker(cluster);
        } catch (final Exception | Error e) {
            try {
                cluster.close();
            } catch (final Exception closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the Kafka broker", e);
        } catch (final Exception e) {
            throw new IllegalStateException("cannot stop the Kafka broker cleanly", e);
        }
    }
}
