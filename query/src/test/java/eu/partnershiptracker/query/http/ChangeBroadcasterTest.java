package eu.partnershiptracker.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.partnershiptracker.core.testing.TestEvents;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.ChangeOperation;
import eu.partnershiptracker.model.ChangeSource;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.serde.AvroSerdeConfig;
import eu.partnershiptracker.serde.AvroSerializer;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import eu.partnershiptracker.testing.SwitchableRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The broadcaster on its own, against a registry that is down for a while. */
@ExtendWith(RealInfrastructure.class)
class ChangeBroadcasterTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aRegistryOutageHoldsChangesBackInsteadOfSkippingThem(final Infrastructure infrastructure) throws Exception {
        final String topic = infrastructure.uniqueTopic("changes");
        infrastructure.createTopic(topic, 1, Map.of());
        final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        final ChangeWindow window = new ChangeWindow(10);
        try (SwitchableRegistry registry = new SwitchableRegistry(infrastructure.registryUrl());
             ChangeBroadcaster broadcaster = new ChangeBroadcaster(infrastructure.clientProperties(), topic,
                     new ChangeRenderer(AvroSerdeConfig.forRegistry(registry.url(), Map.of()), JsonMapping.create(),
                             metrics), window)) {
            broadcaster.start();
            final StreamPosition start = await("the broadcaster positioned").atMost(WAIT)
                    .until(() -> window.awaitPosition(Duration.ZERO), Optional::isPresent).orElseThrow();

            write(infrastructure, topic, change("during-the-outage"));
            await("the registry asked again").atMost(WAIT).until(() -> registry.refused() >= 2);
            assertThat(window.after(start, Duration.ZERO).changes()).as("held back, not skipped").isEmpty();

            registry.recover();
            final ChangeWindow.Read read = await("the change once the registry is back").atMost(WAIT)
                    .until(() -> window.after(start, Duration.ZERO), next -> !next.changes().isEmpty());
            assertThat(read.changes()).singleElement()
                    .satisfies(change -> assertThat(new ObjectMapper().readTree(change.json()).path("causeEventId")
                            .asText()).isEqualTo("during-the-outage"));
            assertThat(metrics.find(ChangeRenderer.SKIPPED_METER).counters()).isNotEmpty()
                    .allSatisfy(counter -> assertThat(counter.count()).isZero());
        }
    }

    private static void write(final Infrastructure infrastructure, final String topic, final PartnershipChange change)
            throws Exception {
        final AvroSerializer<PartnershipChange> serializer = new AvroSerializer<>();
        serializer.configure(AvroSerdeConfig.forRegistry(infrastructure.registryUrl(), Map.of()), false);
        try (KafkaProducer<String, PartnershipChange> producer = new KafkaProducer<>(
                infrastructure.clientProperties(), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, "EU:JP", change)).get();
        }
    }

    private static PartnershipChange change(final String causeEventId) {
        return PartnershipChange.newBuilder()
                .setChangeId("EU:JP/1")
                .setActor(Actor.EU)
                .setCounterpart("JP")
                .setOperation(ChangeOperation.CREATE)
                .setEffectiveDate(TestEvents.date("2024-05"))
                .setRecordedAt(Instant.parse("2024-05-21T10:00:00Z"))
                .setCauseEventId(causeEventId)
                .setRetroactive(false)
                .setSource(new ChangeSource("events", 0, 0L, "source-of-" + causeEventId + ".txt"))
                .build();
    }
}
