package eu.partnershiptracker.streams;

import eu.partnershiptracker.cluster.TopicNames;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.model.PartnershipInstrument;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.serde.AvroSerdeConfig;
import eu.partnershiptracker.serde.SpecificAvroSerde;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** The topology in a TopologyTestDriver with an in-memory schema registry, and typed handles on its topics. */
final class TopologyFixture implements AutoCloseable {

    static final String REGISTRY = "mock://streams-topology-tests";

    final TrackerConfig config;
    final TopologyTestDriver driver;
    final TestInputTopic<String, PolicyEvent> events;
    final TestInputTopic<String, byte[]> rawEvents;
    final TestOutputTopic<String, PartnershipChange> changes;
    final TestOutputTopic<String, PartnershipInstrument> instruments;
    final TestOutputTopic<String, byte[]> deadLetters;
    final SpecificAvroSerde<PolicyEvent> eventSerde = serde();
    final PartnershipIndexes indexes = new PartnershipIndexes();

    TopologyFixture(final Path stateDir) {
        this.config = TrackerConfig.of("unused:9092", REGISTRY)
                .withApplicationId("topology-test-" + UUID.randomUUID())
                .withStreamsOverrides(Map.of(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString(),
                        StreamsConfig.METRICS_RECORDING_LEVEL_CONFIG, Sensor.RecordingLevel.INFO.name));
        this.driver = new TopologyTestDriver(
                PartnershipTopology.buildTopology(config.topics(), config.serdeConfig(), indexes),
                config.streamsProperties());
        final TopicNames topics = config.topics();
        this.events = driver.createInputTopic(topics.events(), new StringSerializer(), eventSerde.serializer());
        this.rawEvents = driver.createInputTopic(topics.events(), new StringSerializer(), new ByteArraySerializer());
        this.changes = driver.createOutputTopic(topics.changes(), new StringDeserializer(),
                TopologyFixture.<PartnershipChange>serde().deserializer());
        this.instruments = driver.createOutputTopic(topics.instruments(), new StringDeserializer(),
                TopologyFixture.<PartnershipInstrument>serde().deserializer());
        this.deadLetters = driver.createOutputTopic(topics.deadLetter(), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    /** The partnership's timeline as its rows hold it, null if it has none. */
    Timeline timeline(final String partnership) {
        return rows().timeline(partnership);
    }

    PartnershipRows rows() {
        return PartnershipRows.readOnly(rowStore());
    }

    KeyValueStore<Bytes, byte[]> rowStore() {
        return driver.getKeyValueStore(PartnershipTopology.ROWS_STORE);
    }

    byte[] bytes(final PolicyEvent event) {
        return eventSerde.serializer().serialize(config.topics().events(), event);
    }

    /** Sum of a metric over all its tag sets (tasks), 0 when it is not there. */
    double metric(final String group, final String name) {
        return driver.metrics().entrySet().stream()
                .filter(entry -> entry.getKey().group().equals(group) && entry.getKey().name().equals(name))
                .map(Map.Entry::getValue)
                .mapToDouble(metric -> ((Number) metric.metricValue()).doubleValue())
                .sum();
    }

    private static <T extends SpecificRecord> SpecificAvroSerde<T> serde() {
        final SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, REGISTRY), false);
        return serde;
    }

    @Override
    public void close() {
        driver.close();
    }
}
