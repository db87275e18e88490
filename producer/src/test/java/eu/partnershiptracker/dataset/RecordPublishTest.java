package eu.partnershiptracker.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.events.EventFileReader;
import eu.partnershiptracker.events.SourcedEvent;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.publish.EventPublisher;
import eu.partnershiptracker.publish.PublishSettings;
import eu.partnershiptracker.serde.AvroDeserializer;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import eu.partnershiptracker.validation.ReferenceData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole curated record publishes to a real broker and registry, completely, and exactly once. */
@ExtendWith(RealInfrastructure.class)
class RecordPublishTest {

    private final Infrastructure infra;

    RecordPublishTest(final Infrastructure infra) {
        this.infra = infra;
    }

    @Test
    void theWholeRecordLandsOnceAndARepublishAppendsNothing() throws Exception {
        final List<SourcedEvent> expected = RecordFiles.allEvents();
        final String topic = infra.uniqueTopic("record");
        final PublishSettings settings = PublishSettings.local(infra.bootstrapServers(), infra.registryUrl())
                .withTopic(topic).withTimeout(Duration.ofSeconds(60));
        final EventPublisher publisher = new EventPublisher(new EventFileReader(ReferenceData.bundled()));

        final EventPublisher.Result first = publisher.publish(List.of(RecordFiles.events()), settings);

        assertThat(first.published()).isEqualTo(expected.size());
        final List<ConsumerRecord<String, PolicyEvent>> landed = readCommitted(topic);
        assertThat(landed).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(SourcedEvent::event).toList());
        assertThat(landed).allSatisfy(record -> assertThat(record.key())
                .isEqualTo(record.value().getActor() + ":" + record.value().getCounterpart()));

        final EventPublisher.Result second = publisher.publish(List.of(RecordFiles.events()), settings);

        assertThat(second.published()).isZero();
        assertThat(second.alreadyPublished()).isEqualTo(expected.size());
        assertThat(readCommitted(topic)).hasSameSizeAs(landed);
    }

    private List<ConsumerRecord<String, PolicyEvent>> readCommitted(final String topic) {
        final Map<String, Object> props = new HashMap<>(Map.of("bootstrap.servers", infra.bootstrapServers(),
                "isolation.level", "read_committed", "schema.registry.url", infra.registryUrl(),
                "specific.avro.reader", true));
        final AvroDeserializer<PolicyEvent> values = new AvroDeserializer<>();
        values.configure(props, false);
        try (KafkaConsumer<String, PolicyEvent> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                values)) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            final List<ConsumerRecord<String, PolicyEvent>> records = new ArrayList<>();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
