package eu.partnershiptracker.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a topic from the beginning to the end it has when the read starts, with no consumer group: what publish does
 * to know the log of record, and what tests do to see what a topology wrote. Committed records are what consumers
 * see; the whole log, aborted transactions included, is there for diagnosis. A read that makes no progress for the
 * patience given fails instead of hanging.
 */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private TopicReader() {
    }

    /**
     * Hands every committed record of {@code topic} to {@code sink}, partition by partition in offset order.
     *
     * @param clientProperties bootstrap servers and security settings, e.g. {@link ClusterSettings#clientProperties()}
     * @param patience         how long the read may go without a record while it is not at the end yet
     * @throws TimeoutException when Kafka does not answer, or the read stops progressing, within {@code patience}
     */
    public static <K, V> void readCommitted(final Map<String, Object> clientProperties, final String topic,
            final Deserializer<K> keys, final Deserializer<V> values, final Duration patience,
            final Consumer<ConsumerRecord<K, V>> sink) {
        read(clientProperties, topic, IsolationLevel.READ_COMMITTED, keys, values, patience, sink);
    }

    /** Every committed record of {@code topic}, in a list. */
    public static <K, V> List<ConsumerRecord<K, V>> readCommitted(final Map<String, Object> clientProperties,
            final String topic, final Deserializer<K> keys, final Deserializer<V> values, final Duration patience) {
        return read(clientProperties, topic, IsolationLevel.READ_COMMITTED, keys, values, patience);
    }

    /** Every record of {@code topic} that a consumer with this isolation level reads, in a list. */
    public static <K, V> List<ConsumerRecord<K, V>> read(final Map<String, Object> clientProperties,
            final String topic, final IsolationLevel isolation, final Deserializer<K> keys, final Deserializer<V> values,
            final Duration patience) {
        final List<ConsumerRecord<K, V>> records = new ArrayList<>();
        read(clientProperties, topic, isolation, keys, values, patience, records::add);
        return records;
    }

    private static <K, V> void read(final Map<String, Object> clientProperties, final String topic,
            final IsolationLevel isolation, final Deserializer<K> keys, final Deserializer<V> values,
            final Duration patience, final Consumer<ConsumerRecord<K, V>> sink) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(patience, "patience");
        Objects.requireNonNull(sink, "sink");
        final Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(properties, keys, values)) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic, patience).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Under read_committed these are the last stable offsets: exactly the committed log.
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions, patience);
            long lastProgress = System.nanoTime();
            while (!caughtUp(consumer, end)) {
                final var records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > patience.toNanos()) {
                    throw new TimeoutException("reading " + topic + " made no progress for " + patience.toSeconds()
                            + " s");
                }
                records.forEach(sink);
            }
        }
    }

    private static boolean caughtUp(final KafkaConsumer<?, ?> consumer, final Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }
}
