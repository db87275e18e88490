package eu.partnershiptracker.query.http;

import static eu.partnershiptracker.core.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.query.client.ServerSentEvents;
import eu.partnershiptracker.query.service.TrackerService;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The change stream: live changes, and resuming exactly after the last one seen. */
@ExtendWith(RealInfrastructure.class)
class ChangeStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static TrackerFixture fixture;
    private static TrackerService service;

    @BeforeAll
    static void start(final Infrastructure infrastructure) {
        fixture = new TrackerFixture(infrastructure, 3);
        service = fixture.startService();
        fixture.publish(event("before", "EU:JP", InstrumentType.SDP, EventKind.NEGOTIATIONS_LAUNCHED, "2023-05"));
        fixture.awaitCommittedChange(service, "before");
    }

    @AfterAll
    static void stop() {
        service.close();
        fixture.close();
    }

    @Test
    void aReconnectingClientGetsExactlyTheChangesItMissed() throws Exception {
        final ServerSentEvents.Event seen;
        try (SseReader first = SseReader.open(service, null)) {
            await("stream positioned").atMost(WAIT).until(() -> first.sawComment("ready"));
            fixture.publish(event("live", "EU:KR", InstrumentType.SDP, EventKind.SIGNED, "2024-11-01"));
            seen = first.next(WAIT);
            assertThat(seen.name()).isEqualTo("change");
            final JsonNode change = MAPPER.readTree(seen.data());
            assertThat(change.path("causeEventId").asText()).as("starts at the end").isEqualTo("live");
            assertThat(change.path("effectiveDate").path("date").asText()).isEqualTo("2024-11-01");
            assertThat(change.path("after").path("counterpart").asText()).isEqualTo("KR");
            assertThat(seen.id()).matches("\\d+:\\d+(,\\d+:\\d+){2}");
        }
        fixture.publish(
                event("missed-1", "EU:JP", InstrumentType.SDP, EventKind.SIGNED, "2024-11-01"),
                event("missed-2", "NATO:JP", InstrumentType.ITPP, EventKind.ENDORSED, "2023-07-12"));
        TrackerFixture.awaitEvent(service, "EU:JP", "missed-1");
        TrackerFixture.awaitEvent(service, "NATO:JP", "missed-2");
        await("the first client's consumer closed").atMost(WAIT)
                .until(() -> TrackerFixture.get(service, "/metrics").body().contains("tracker_change_streams_open 0.0"));

        try (SseReader second = SseReader.open(service, seen.id())) {
            final JsonNode one = MAPPER.readTree(second.next(WAIT).data());
            final JsonNode two = MAPPER.readTree(second.next(WAIT).data());
            assertThat(java.util.Set.of(one.path("causeEventId").asText(), two.path("causeEventId").asText()))
                    .containsExactlyInAnyOrder("missed-1", "missed-2");
            fixture.publish(event("after", "EU:MD", InstrumentType.SDP, EventKind.SIGNED, "2024-05-21"));
            assertThat(MAPPER.readTree(second.next(WAIT).data()).path("causeEventId").asText())
                    .as("nothing twice, nothing between").isEqualTo("after");
        }
    }

    @Test
    void aMalformedLastEventIdIs400() {
        final TrackerFixture.Reply reply = TrackerFixture.get(service, "/api/changes/stream",
                java.util.Map.of("Accept", "text/event-stream", "Last-Event-ID", "yesterday"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asText()).contains("Last-Event-ID", "yesterday");
    }
}
