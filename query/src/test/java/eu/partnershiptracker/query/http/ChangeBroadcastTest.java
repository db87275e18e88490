package eu.partnershiptracker.query.http;

import static eu.partnershiptracker.core.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.query.client.ServerSentEvents;
import eu.partnershiptracker.query.service.TrackerService;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The change stream's one consumer per instance: shared by every client, past records it cannot read, and with clients
 * resuming from further back than its window. One partition, so that the changes have one order to check.
 */
@ExtendWith(RealInfrastructure.class)
class ChangeBroadcastTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int WINDOW = 3;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Infrastructure infrastructure;
    private static TrackerFixture fixture;
    private static TrackerService service;

    @BeforeAll
    static void start(final Infrastructure given) {
        infrastructure = given;
        fixture = new TrackerFixture(infrastructure, 1);
        service = fixture.startService(settings -> settings.changeWindow(WINDOW));
    }

    @AfterAll
    static void stop() {
        service.close();
        fixture.close();
    }

    @Test
    void severalClientsAreServedByOneConsumer() throws Exception {
        try (SseReader first = ready(null); SseReader second = ready(null); SseReader third = ready(null)) {
            fixture.publish(change("shared", "EU:S1"));
            for (final SseReader client : List.of(first, second, third)) {
                assertThat(cause(client.next(WAIT))).isEqualTo("shared");
            }
            assertThat(consumersOf(fixture.topics().changes()))
                    .as("Kafka consumers in this JVM that fetched from the changes topic").hasSize(1);
        }
    }

    @Test
    void anUnreadableRecordIsSkippedCountedAndPassedByLiveAndResumingClients() throws Exception {
        final ServerSentEvents.Event before;
        try (SseReader live = ready(null)) {
            fixture.publish(change("poison-before", "EU:P1"));
            before = live.next(WAIT);
            assertThat(cause(before)).isEqualTo("poison-before");
            writeToChanges("not a PartnershipChange".getBytes(StandardCharsets.UTF_8));
            fixture.publish(change("poison-after", "EU:P2"));
            assertThat(cause(live.next(WAIT))).as("the change after the unreadable record").isEqualTo("poison-after");
            assertThat(skipped()).isEqualTo(1.0);
        }
        try (SseReader resumed = SseReader.open(service, before.id())) {
            assertThat(cause(resumed.next(WAIT))).isEqualTo("poison-after");
            fixture.publish(change("poison-later", "EU:P3"));
            assertThat(cause(resumed.next(WAIT))).as("the same stream goes on").isEqualTo("poison-later");
        }
    }

    @Test
    void aClientResumingFromBeforeTheWindowGetsExactlyTheChangesItMissed() throws Exception {
        final String seen;
        try (SseReader first = ready(null)) {
            fixture.publish(change("window-seen", "EU:W0"));
            final ServerSentEvents.Event event = first.next(WAIT);
            assertThat(cause(event)).isEqualTo("window-seen");
            seen = event.id();
        }
        final List<String> missed = List.of("window-1", "window-2", "window-3", "window-4", "window-5");
        assertThat(missed).hasSizeGreaterThan(WINDOW);
        // One at a time, so that the live witness, at the window's end, never falls behind a batch bigger than it.
        try (SseReader witness = ready(null)) {
            for (int i = 0; i < missed.size(); i++) {
                fixture.publish(change(missed.get(i), "EU:W" + (i + 1)));
                assertThat(cause(witness.next(WAIT))).as("the broadcaster is past it").isEqualTo(missed.get(i));
            }
        }
        try (SseReader resumed = SseReader.open(service, seen)) {
            assertThat(causes(resumed, missed.size())).isEqualTo(missed);
            fixture.publish(change("window-live", "EU:W6"));
            assertThat(cause(resumed.next(WAIT))).as("nothing twice, nothing between").isEqualTo("window-live");
        }
    }

    /** A stream opened and positioned, so that every change published from now on reaches it. */
    private static SseReader ready(final String lastEventId) {
        final SseReader reader = SseReader.open(service, lastEventId);
        await("stream positioned").atMost(WAIT).until(() -> reader.sawComment(ChangeStream.READY_COMMENT));
        return reader;
    }

    /** An event that makes a change of its own: the first of a partnership. */
    private static PolicyEvent.Builder change(final String eventId, final String partnership) {
        return event(eventId, partnership, InstrumentType.SDP, EventKind.SIGNED, "2024-03-01");
    }

    private static String cause(final ServerSentEvents.Event event) throws IOException {
        return MAPPER.readTree(event.data()).path("causeEventId").asText();
    }

    private static List<String> causes(final SseReader reader, final int count) throws Exception {
        final List<String> causes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            causes.add(cause(reader.next(WAIT)));
        }
        return causes;
    }

    private static void writeToChanges(final byte[] value) throws InterruptedException, ExecutionException {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(infrastructure.clientProperties(),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(fixture.topics().changes(), "EU:XX", value)).get();
        }
    }

    private static double skipped() {
        return Arrays.stream(TrackerFixture.get(service, "/metrics").body().split("\n"))
                .filter(line -> line.startsWith("tracker_change_stream_skipped_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The client ids of the Kafka consumers of this JVM that have fetched records of the topic. */
    private static Set<String> consumersOf(final String topic) throws JMException {
        return ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("kafka.consumer:type=consumer-fetch-manager-metrics,topic=" + topic + ",*"),
                        null)
                .stream()
                .map(name -> name.getKeyProperty("client-id"))
                .collect(Collectors.toSet());
    }
}
