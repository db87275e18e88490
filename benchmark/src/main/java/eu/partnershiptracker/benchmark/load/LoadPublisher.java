package eu.partnershiptracker.benchmark.load;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.serde.AvroSerializer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a generated load with a plain idempotent producer (acks=all) and the project's AvroSerializer. Partnerships
 * are published a block at a time with their records interleaved at random, each partnership's own records keeping
 * their order, so memory stays bounded however large the load. A load is published as fast as the broker takes it, or
 * at a fixed rate (the change-latency phases), each record stamped with its send time, which the topology's outputs
 * carry on.
 */
public final class LoadPublisher {

    private static final int PARTNERSHIPS_PER_BLOCK = 500;

    private final Map<String, Object> producerProperties;

    /** @param producerProperties bootstrap.servers and schema.registry.url at least */
    public LoadPublisher(final Map<String, Object> producerProperties) {
        this.producerProperties = Map.copyOf(Objects.requireNonNull(producerProperties, "producerProperties"));
    }

    /** As fast as the broker takes it. */
    public PublishFigures publish(final EventGenerator generator, final String topic, final long seed) {
        return publish(generator, topic, seed, 0);
    }

    /**
     * @param eventsPerSecond the fixed rate to publish at (each record waits for its slot in the schedule, so a slow
     *                        moment is caught up rather than lost); 0 for as fast as possible
     */
    public PublishFigures publish(final EventGenerator generator, final String topic, final long seed,
            final double eventsPerSecond) {
        Objects.requireNonNull(generator, "generator");
        if (eventsPerSecond < 0) {
            throw new IllegalArgumentException("eventsPerSecond must not be negative: " + eventsPerSecond);
        }
        final double nanosPerEvent = eventsPerSecond == 0 ? 0 : 1e9 / eventsPerSecond;
        Objects.requireNonNull(topic, "topic");
        final Map<String, Object> properties = new HashMap<>(producerProperties);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        // One request in flight: on a topic created a moment ago the broker may refuse the first batch (not leader yet)
        // and then every later one in flight with OUT_OF_ORDER_SEQUENCE_NUMBER, for good (seen in the smoke test).
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        final AvroSerializer<PolicyEvent> serializer = new AvroSerializer<>();
        serializer.configure(producerProperties, false);
        final AtomicLong valueBytes = new AtomicLong();
        final AtomicReference<Exception> failure = new AtomicReference<>();
        final Random order = new Random(seed);
        final long started = System.nanoTime();
        long sent = 0;
        try (KafkaProducer<String, PolicyEvent> producer =
                     new KafkaProducer<>(properties, new StringSerializer(), serializer)) {
            for (int first = 0; first < generator.partnerships(); first += PARTNERSHIPS_PER_BLOCK) {
                final int end = Math.min(generator.partnerships(), first + PARTNERSHIPS_PER_BLOCK);
                for (final PolicyEvent event : interleaved(generator, first, end, order)) {
                    awaitSlot(started + (long) (sent * nanosPerEvent));
                    sent++;
                    final String key = PartnershipKey.of(event);
                    producer.send(new ProducerRecord<>(topic, key, event), (metadata, exception) -> {
                        if (exception != null) {
                            failure.compareAndSet(null, exception);
                        } else {
                            valueBytes.addAndGet(metadata.serializedValueSize());
                        }
                    });
                }
                if (failure.get() != null) {
                    break;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("publishing the load failed", failure.get());
        }
        final double seconds = (System.nanoTime() - started) / 1e9;
        return new PublishFigures(sent, seconds, sent / seconds, (double) valueBytes.get() / sent);
    }

    private static void awaitSlot(final long slotNanos) {
        for (long wait = slotNanos - System.nanoTime(); wait > 0; wait = slotNanos - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    /** The records of partnerships [first, end), shuffled together, each partnership's own in their order. */
    private static List<PolicyEvent> interleaved(final EventGenerator generator, final int first, final int end,
            final Random order) {
        final Map<String, Queue<PolicyEvent>> byKey = new HashMap<>();
        final List<String> keys = new ArrayList<>();
        for (int partnership = first; partnership < end; partnership++) {
            final String key = generator.key(partnership);
            final List<PolicyEvent> records = generator.partnershipEvents(partnership);
            byKey.put(key, new ArrayDeque<>(records));
            keys.addAll(Collections.nCopies(records.size(), key));
        }
        Collections.shuffle(keys, order);
        return keys.stream().map(key -> byKey.get(key).remove()).toList();
    }
}
