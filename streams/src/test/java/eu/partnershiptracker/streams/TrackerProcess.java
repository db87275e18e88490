package eu.partnershiptracker.streams;

import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.cluster.TopicNames;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The tracker's topology as a KafkaStreams application in a JVM of its own, so that a test can kill it with SIGKILL:
 * a crash, which closing an instance in the test's own JVM never is. Arguments: the schema registry URL, the events,
 * changes, state and dead-letter topics, and a properties file of Kafka Streams settings. Runs until killed.
 */
public final class TrackerProcess {

    /** Printed on stdout each time the application reaches RUNNING. */
    public static final String RUNNING = "tracker process running";

    private TrackerProcess() {
    }

    public static void main(final String[] args) throws IOException, InterruptedException {
        if (args.length != 6) {
            throw new IllegalArgumentException("usage: TrackerProcess REGISTRY EVENTS CHANGES STATE DLQ PROPERTIES_FILE");
        }
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[5]))) {
            properties.load(reader);
        }
        final Map<String, String> settings = properties.stringPropertyNames().stream()
                .collect(Collectors.toMap(name -> name, properties::getProperty));
        final TrackerConfig config = new TrackerConfig(settings.get(StreamsConfig.APPLICATION_ID_CONFIG),
                ClusterSettings.of(settings.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG), args[0]),
                new TopicNames(args[1], args[2], args[3], args[4]), settings);
        final KafkaStreams streams = new KafkaStreams(
                PartnershipTopology.buildTopology(config.topics(), config.serdeConfig()), config.streamsProperties());
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                System.out.println(RUNNING);
                System.out.flush();
            }
        });
        streams.start();
        // Never closed: the point is to die by SIGKILL in the middle of processing.
        new CountDownLatch(1).await();
    }
}
