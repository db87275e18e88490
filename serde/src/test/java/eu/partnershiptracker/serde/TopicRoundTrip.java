package eu.partnershiptracker.serde;

import static org.awaitility.Awaitility.await;

import eu.partnershiptracker.testing.Infrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends values through a real single-partition topic and reads back the raw records, for serde interop tests. */
final class TopicRoundTrip {

    private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(30);

    private final Infrastructure infra;
    private final String topic;

    TopicRoundTrip(final Infrastructure infra, final String prefix) {
        this.infra = infra;
        this.topic = infra.uniqueTopic(prefix);
        infra.createTopic(topic, 1, Map.of("retention.ms", "-1"));
    }

    String topic() {
        return topic;
    }

    /** Sends each value, keyed by its position, and waits for every acknowledgement. */
    <V> void produce(final Serializer<V> valueSerializer, final List<V> values)
            throws ExecutionException, InterruptedException {
        try (KafkaProducer<String, V> producer =
                     new KafkaProducer<>(infra.clientProperties(), new StringSerializer(), valueSerializer)) {
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>(topic, String.valueOf(i), values.get(i))).get();
            }
        }
    }

    /** The topic's first {@code count} records, as bytes. */
    List<ConsumerRecord<byte[], byte[]>> consume(final int count) {
        final Map<String, Object> properties = infra.clientProperties();
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.seekToBeginning(consumer.assignment());
            await("records on " + topic).atMost(CONSUME_TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
        }
        return records;
    }
}
