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
 * Reads a topic over a bounded range, with no consumer group: from the beginning to the end it has when the read
 * starts (what publish does to know the log of record, and what tests do to see what a topology wrote), or between
 * two positions (what the change stream does to catch a client up). Committed records are what consumers see; the
 * whole log, aborted transactions included, is there for diagnosis. A read that makes no progress for the patience
 * given fails instead of hanging. A reader that follows a topic instead, such as the change stream's, takes its
 * consumer settings from {@link #readerProperties}.
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

    /**
     * Hands the committed records of {@code topic} between two positions to {@code sink}, partition by partition in
     * offset order: in every partition of {@code until}, from its offset in {@code from} (its beginning when it has
     * none there, or when that offset is no longer in the log) to just before its offset in {@code until}.
     *
     * @param from  for each partition, the offset of the first record wanted
     * @param until for each partition to read, the offset of the first record not wanted
     * @throws TimeoutException when Kafka does not answer, or the read stops progressing, within {@code patience}
     */
    public static <K, V> void readCommitted(final Map<String, Object> clientProperties, final String topic,
            final Deserializer<K> keys, final Deserializer<V> values, final Map<Integer, Long> from,
            final Map<Integer, Long> until, final Duration patience, final Consumer<ConsumerRecord<K, V>> sink) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(patience, "patience");
        Objects.requireNonNull(sink, "sink");
        final Map<TopicPartition, Long> end = new HashMap<>();
        until.forEach((partition, offset) -> end.put(new TopicPartition(topic, partition), offset));
        try (KafkaConsumer<K, V> consumer = consumer(clientProperties, IsolationLevel.READ_COMMITTED, keys, values)) {
            consumer.assign(end.keySet());
            for (final TopicPartition partition : end.keySet()) {
                final Long offset = from.get(partition.partition());
                if (offset == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, offset);
                }
            }
            read(consumer, topic, end, patience, sink);
        }
    }

    private static <K, V> void read(final Map<String, Object> clientProperties, final String topic,
            final IsolationLevel isolation, final Deserializer<K> keys, final Deserializer<V> values,
            final Duration patience, final Consumer<ConsumerRecord<K, V>> sink) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(patience, "patience");
        Objects.requireNonNull(sink, "sink");
        try (KafkaConsumer<K, V> consumer = consumer(clientProperties, isolation, keys, values)) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic, patience).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Under read_committed these are the last stable offsets: exactly the committed log.
            read(consumer, topic, consumer.endOffsets(partitions, patience), patience, sink);
        }
    }

    /**
     * The properties of a consumer that reads on its own, as every reader here does: partitions assigned and positions
     * chosen by the reader, no consumer group, nothing committed.
     *
     * @param clientProperties bootstrap servers and security settings, e.g. {@link ClusterSettings#clientProperties()}
     */
    public static Map<String, Object> readerProperties(final Map<String, Object> clientProperties,
            final IsolationLevel isolation) {
        final Map<String, Object> properties = new HashMap<>(Objects.requireNonNull(clientProperties,
                "clientProperties"));
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, Objects.requireNonNull(isolation, "isolation").toString());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // An offset deleted by retention since it was handed out: what is left of the log is what there is to read.
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return properties;
    }

    private static <K, V> KafkaConsumer<K, V> consumer(final Map<String, Object> clientProperties,
            final IsolationLevel isolation, final Deserializer<K> keys, final Deserializer<V> values) {
        return new KafkaConsumer<>(readerProperties(clientProperties, isolation), keys, values);
    }

    /** Polls from the consumer's positions until every partition has reached its end; records past it are not sunk. */
    private static <K, V> void read(final KafkaConsumer<K, V> consumer, final String topic,
            final Map<TopicPartition, Long> end, final Duration patience, final Consumer<ConsumerRecord<K, V>> sink) {
        long lastProgress = System.nanoTime();
        while (!caughtUp(consumer, end)) {
            final var records = consumer.poll(POLL);
            for (final ConsumerRecord<K, V> record : records) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    sink.accept(record);
                }
            }
            // Measured after the sink, so that a slow sink is not taken for a stalled read.
            if (!records.isEmpty()) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > patience.toNanos()) {
                throw new TimeoutException("reading " + topic + " made no progress for " + patience.toSeconds()
                        + " s");
            }
        }
    }

    private static boolean caughtUp(final KafkaConsumer<?, ?> consumer, final Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }
}
