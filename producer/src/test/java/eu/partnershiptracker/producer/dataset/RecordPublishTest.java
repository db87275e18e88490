package eu.partnershiptracker.producer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.cluster.TopicReader;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.producer.eventfiles.EventFiles;
import eu.partnershiptracker.producer.eventfiles.SourcedEvent;
import eu.partnershiptracker.producer.publish.EventPublisher;
import eu.partnershiptracker.producer.publish.PublishSettings;
import eu.partnershiptracker.serde.AvroDeserializer;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.ProjectFiles;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
        final String topic = infra.uniqueTopic("record");
        final PublishSettings settings = new PublishSettings(ClusterSettings.of(infra.bootstrapServers(),
                infra.registryUrl()).withTimeout(Duration.ofSeconds(60)), topic, 3, (short) 1,
                PublishSettings.DEFAULT_TRANSACTIONAL_ID);
        final EventPublisher publisher = new EventPublisher();
        // What publish sends: the events as checked, with the stated orders resolved into them.
        final List<SourcedEvent> files = EventFiles.bundled().check(List.of(ProjectFiles.events()));

        final EventPublisher.Result first = publisher.publish(files, settings);

        assertThat(first.published()).isEqualTo(files.size());
        final List<ConsumerRecord<String, PolicyEvent>> landed = readCommitted(topic);
        assertThat(landed).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(files.stream().map(SourcedEvent::event).toList());
        assertThat(landed).allSatisfy(record -> assertThat(record.key())
                .isEqualTo(record.value().getActor() + ":" + record.value().getCounterpart()));

        final EventPublisher.Result second = publisher.publish(files, settings);

        assertThat(second.published()).isZero();
        assertThat(second.alreadyPublished()).isEqualTo(files.size());
        assertThat(readCommitted(topic)).hasSameSizeAs(landed);
    }

    private List<ConsumerRecord<String, PolicyEvent>> readCommitted(final String topic) {
        infra.awaitTransactionsSettled(topic);
        final AvroDeserializer<PolicyEvent> values = new AvroDeserializer<>();
        values.configure(Map.of("schema.registry.url", infra.registryUrl(), "specific.avro.reader", true), false);
        return TopicReader.readCommitted(infra.clientProperties(), topic, new StringDeserializer(), values,
                Duration.ofSeconds(60));
    }
}
