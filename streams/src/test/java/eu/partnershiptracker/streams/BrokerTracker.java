package eu.partnershiptracker.streams;

import static org.awaitility.Awaitility.await;

import eu.partnershiptracker.cluster.TopicNames;
import eu.partnershiptracker.cluster.TopicReader;
import eu.partnershiptracker.cluster.TopicSetupException;
import eu.partnershiptracker.cluster.TrackerTopics;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.serde.AvroSerializer;
import eu.partnershiptracker.serde.SpecificAvroSerde;
import eu.partnershiptracker.testing.Infrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The tracker's topology as a real KafkaStreams application (exactly_once_v2) on the test broker and Apicurio registry:
 * topics of its own created with {@link TrackerTopics#all}, a producer that writes events in the registry's wire format
 * (or any bytes), and ways to wait until the application has processed everything and to read what it committed.
 */
final class BrokerTracker implements AutoCloseable {

    static final int PARTITIONS = 3;
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final Infrastructure infra;
    private final TrackerConfig config;
    private final KafkaProducer<String, byte[]> producer;
    private final AvroSerializer<PolicyEvent> serializer = new AvroSerializer<>();
    private final List<KafkaStreams> apps = new ArrayList<>();

    /** @param streamsOverrides Kafka Streams properties for every instance this tracker starts */
    BrokerTracker(final Infrastructure infra, final Map<String, String> streamsOverrides) {
        this.infra = Objects.requireNonNull(infra, "infra");
        final String name = infra.uniqueTopic("tracker");
        this.config = TrackerConfig.of(infra.bootstrapServers(), infra.registryUrl())
                .withApplicationId(name + "-app")
                .withTopics(new TopicNames(name + "-events", name + "-changes", name + "-instruments",
                        name + "-dlq"))
                .withStreamsOverrides(streamsOverrides);
        try {
            TrackerTopics.ensure(infra.admin(), TrackerTopics.all(config.topics(), PARTITIONS, (short) 1),
                    config.cluster().withTimeout(TIMEOUT));
        } catch (final TopicSetupException e) {
            throw new IllegalStateException(e);
        }
        final Map<String, Object> producerProperties = infra.clientProperties();
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
        serializer.configure(config.serdeConfig(), false);
    }

    TrackerConfig config() {
        return config;
    }

    /** The changelog topic Kafka Streams creates for the rows store. */
    String changelogTopic() {
        return config.applicationId() + "-" + PartnershipTopology.ROWS_STORE + "-changelog";
    }

    /** The changelog topic of the store where versions before rows kept whole timelines. */
    String timelinesChangelogTopic() {
        return config.applicationId() + "-" + PartnershipTopology.TIMELINE_STORE + "-changelog";
    }

    /** The event in the registry's wire format, keyed by its partnership, stamped with {@code timestamp}. */
    ProducerRecord<String, byte[]> record(final PolicyEvent event, final Instant timestamp) {
        return raw(ExpectedOutcome.key(event), serializer.serialize(config.topics().events(), event), timestamp);
    }

    ProducerRecord<String, byte[]> raw(final String key, final byte[] value, final Instant timestamp) {
        return new ProducerRecord<>(config.topics().events(), null, timestamp.toEpochMilli(), key, value);
    }

    /** The events in order, the i-th stamped {@code start} + i seconds (the arrival index as record time). */
    List<ProducerRecord<String, byte[]>> records(final List<PolicyEvent> events, final Instant start) {
        final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            records.add(record(events.get(i), start.plusSeconds(i)));
        }
        return records;
    }

    /** Sends the records in order and returns once the broker has acknowledged all of them. */
    void publish(final List<ProducerRecord<String, byte[]>> records) {
        final List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
        producer.flush();
        for (final Future<RecordMetadata> future : sent) {
            try {
                future.get();
            } catch (final ExecutionException e) {
                throw new IllegalStateException("cannot publish to " + config.topics().events(), e.getCause());
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            }
        }
    }

    /** Properties of an instance keeping its local state in {@code stateDir}. */
    Properties streamsProperties(final Path stateDir) {
        return config.withStreamsOverrides(Map.of(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()))
                .streamsProperties();
    }

    /** Starts an instance of the application and waits until it runs; {@link #close()} closes it if the test does not. */
    KafkaStreams start(final Path stateDir) {
        final KafkaStreams streams =
                new KafkaStreams(PartnershipTopology.buildTopology(config.topics(), config.serdeConfig()),
                        streamsProperties(stateDir));
        apps.add(streams);
        streams.start();
        await("instance of " + config.applicationId() + " running").atMost(TIMEOUT)
                .until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return streams;
    }

    /**
     * Waits until the application has committed its input position at the end of every input partition and no
     * transaction is open on its output topics, so that everything it will ever write for the input so far is
     * committed.
     */
    void awaitProcessed() {
        await("all input of " + config.applicationId() + " processed and committed").atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> inputConsumed() && outputSettled());
    }

    /** Whether some output partition holds records of a transaction that is still open. */
    boolean hasOpenTransaction(final String topic) throws Exception {
        return infra.hasOpenTransaction(topic);
    }

    /** The first offset still in the log of each partition: above 0 once retention has deleted something. */
    Map<TopicPartition, Long> logStartOffsets(final String topic) throws Exception {
        return infra.offsets(topic, OffsetSpec.earliest(), IsolationLevel.READ_UNCOMMITTED);
    }

    /** A topic's effective value of a config, as the broker applies it. */
    String topicConfig(final String topic, final String name) throws Exception {
        final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return infra.admin().describeConfigs(List.of(resource)).all().get().get(resource).get(name).value();
    }

    /** Committed records of a topic, read with read_committed from the beginning up to its last stable offsets. */
    <V> List<ConsumerRecord<String, V>> readCommitted(final String topic, final Deserializer<V> values) {
        return read(topic, values, IsolationLevel.READ_COMMITTED);
    }

    /** The records of a topic from the beginning up to its end offsets as seen with that isolation level. */
    <V> List<ConsumerRecord<String, V>> read(final String topic, final Deserializer<V> values,
            final IsolationLevel isolation) {
        return TopicReader.read(infra.clientProperties(), topic, isolation, new StringDeserializer(), values, TIMEOUT);
    }

    /** A reader of the application's Avro output. */
    <T extends SpecificRecord> Deserializer<T> avro() {
        final SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
        serde.configure(config.serdeConfig(), false);
        return serde.deserializer();
    }

    /** The timelines store of a running instance, through interactive queries. */
    static ReadOnlyKeyValueStore<String, Timeline> timelines(final KafkaStreams streams) {
        return await("queryable " + PartnershipTopology.TIMELINE_STORE).atMost(TIMEOUT).ignoreExceptions()
                .until(() -> streams.store(PartnershipTopology.timelines()), Objects::nonNull);
    }

    /** The rows of a running instance, through interactive queries. */
    static PartnershipRows rows(final KafkaStreams streams) {
        return PartnershipRows.readOnly(await("queryable " + PartnershipTopology.ROWS_STORE).atMost(TIMEOUT)
                .ignoreExceptions().until(() -> streams.store(PartnershipTopology.rows()), Objects::nonNull));
    }

    /** A tracker metric summed over its tasks (see TrackerMetrics), 0 when no task has it. */
    static double metric(final KafkaStreams streams, final String name) {
        return streams.metrics().entrySet().stream()
                .filter(entry -> entry.getKey().group().equals(TrackerMetrics.GROUP)
                        && entry.getKey().name().equals(name))
                .mapToDouble(entry -> ((Number) entry.getValue().metricValue()).doubleValue())
                .sum();
    }

    private boolean inputConsumed() throws Exception {
        final Map<TopicPartition, OffsetAndMetadata> committed = infra.admin()
                .listConsumerGroupOffsets(config.applicationId()).partitionsToOffsetAndMetadata().get();
        return infra.offsets(config.topics().events(), OffsetSpec.latest(), IsolationLevel.READ_UNCOMMITTED)
                .entrySet().stream()
                .allMatch(end -> {
                    final OffsetAndMetadata position = committed.get(end.getKey());
                    return (position == null ? 0 : position.offset()) >= end.getValue();
                });
    }

    private boolean outputSettled() throws Exception {
        final TopicNames topics = config.topics();
        for (final String topic : List.of(topics.changes(), topics.instruments(), topics.deadLetter(), changelogTopic(),
                timelinesChangelogTopic())) {
            if (hasOpenTransaction(topic)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        apps.forEach(streams -> streams.close(Duration.ofSeconds(30)));
        producer.close();
        serializer.close();
    }
}
