package eu.partnershiptracker.streams;

import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.model.EventKind.SIGNED;
import static eu.partnershiptracker.model.InstrumentType.FPA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import eu.partnershiptracker.testing.SwitchableRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema registry outage delays events; it never sends good events to the dead-letter topic. The application reads
 * the registry through a proxy that refuses every request until the test lets it through to the real Apicurio.
 */
@ExtendWith(RealInfrastructure.class)
class RegistryOutageOnBrokerTest {

    private static final Instant T0 = Instant.parse("2025-05-01T00:00:00Z");

    @TempDir
    Path stateDir;

    /** The failing stream thread's exception is the point of this test: no wait may fail because of it. */
    @BeforeEach
    void expectStreamThreadFailures() {
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    @AfterEach
    void restoreAwaitility() {
        Awaitility.reset();
    }

    @Test
    void anOutageDelaysEventsInsteadOfDeadLetteringThem(final Infrastructure infra) throws IOException {
        try (BrokerTracker tracker = new BrokerTracker(infra, Map.of());
             SwitchableRegistry registry = new SwitchableRegistry(infra.registryUrl())) {
            tracker.publish(List.of(tracker.record(event("signed", FPA, SIGNED, "2023-05-21").build(), T0)));
            final TrackerConfig direct = tracker.config();
            final TrackerConfig throughProxy = new TrackerConfig(direct.applicationId(),
                    ClusterSettings.of(direct.cluster().bootstrapServers(), registry.url()), direct.topics(),
                    Map.of(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()));

            try (KafkaStreams streams = new KafkaStreams(
                    PartnershipTopology.buildTopology(throughProxy.topics(), throughProxy.serdeConfig()),
                    throughProxy.streamsProperties())) {
                streams.setUncaughtExceptionHandler(new OutageTolerantHandler());
                streams.start();

                // Refused, thread replaced, refused again: the application retries rather than giving up.
                await("the application retries while the registry is down").atMost(Duration.ofSeconds(120))
                        .until(() -> registry.refused() >= 2);
                assertThat(streams.state()).isNotIn(KafkaStreams.State.ERROR, KafkaStreams.State.NOT_RUNNING,
                        KafkaStreams.State.PENDING_ERROR);
                final CommittedOutput duringOutage = CommittedOutput.read(tracker);
                assertThat(duringOutage.deadLetters()).isEmpty();
                assertThat(duringOutage.changes()).isEmpty();

                registry.recover();
                await("the event is processed once the registry is back").atMost(Duration.ofSeconds(120))
                        .until(() -> !CommittedOutput.read(tracker).changes().isEmpty());

                final CommittedOutput after = CommittedOutput.read(tracker);
                assertThat(after.deadLetters()).isEmpty();
                assertThat(after.changes()).extracting(ConsumerRecord::value).extracting(PartnershipChange::getChangeId)
                        .containsExactly("EU:JP/1");
            }
        }
    }
}
