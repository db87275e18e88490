package eu.partnershiptracker.testing;

import eu.partnershiptracker.embedded.SingleNodeBroker;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker in KRaft combined mode (broker and controller in one node), running inside this JVM
 * on a random port, with its data in a temporary directory that is deleted on close. It has the same single-node
 * settings as the demo's broker ({@link SingleNodeBroker}).
 */
public final class KafkaBroker implements AutoCloseable {

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
        SingleNodeBroker.SETTINGS.forEach(builder::setConfigProp);
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
