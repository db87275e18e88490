package eu.partnershiptracker.publish;

import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.serde.SchemaRegistryUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every committed event on the events topic, so that a publish run can skip what is already there and check
 * corrections against the whole log, not just the files at hand.
 */
final class PublishedEvents {

    /** What the topic holds: events by id, and how many records could not be read as events. */
    record Snapshot(Map<String, PolicyEvent> events, int unreadable) {

        Snapshot {
            events = Map.copyOf(events);
        }
    }

    private PublishedEvents() {
    }

    static Snapshot read(final PublishSettings settings, final Deserializer<PolicyEvent> values)
            throws PublishException {
        Objects.requireNonNull(values, "values");
        final Map<String, Object> properties = settings.commonClientProperties();
        properties.put("isolation.level", "read_committed");
        properties.put("enable.auto.commit", false);
        properties.put("client.id", "partnership-tracker-publisher-reader");
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(settings.topic(), settings.timeout())
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Under read_committed these are the last stable offsets: exactly the committed log.
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions, settings.timeout());
            final Map<String, PolicyEvent> events = new HashMap<>();
            int unreadable = 0;
            Instant lastProgress = Instant.now();
            while (!caughtUp(consumer, end)) {
                final var records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    lastProgress = Instant.now();
                } else if (Duration.between(lastProgress, Instant.now()).compareTo(settings.timeout()) > 0) {
                    throw new PublishException("reading the events already on " + settings.topic()
                            + " made no progress for " + settings.timeout().toSeconds() + " s");
                }
                for (final ConsumerRecord<String, byte[]> record : records) {
                    try {
                        final PolicyEvent event = values.deserialize(record.topic(), record.value());
                        if (event != null) {
                            events.put(event.getEventId(), event);
                        }
                    } catch (final SchemaRegistryUnavailableException e) {
                        // An outage is not a bad record: counting it as one would hide every event on the topic
                        // and defeat the duplicate check.
                        throw new PublishException("cannot read the events already on " + settings.topic()
                                + ": " + e.getMessage(), e);
                    } catch (final SerializationException e) {
                        unreadable++;
                    }
                }
            }
            return new Snapshot(events, unreadable);
        } catch (final org.apache.kafka.common.errors.TimeoutException e) {
            throw new PublishException("Kafka at " + settings.bootstrapServers() + " did not answer within "
                    + settings.timeout().toSeconds() + " s while reading " + settings.topic(), e);
        }
    }

    private static boolean caughtUp(final KafkaConsumer<?, ?> consumer, final Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
