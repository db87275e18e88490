package eu.partnershiptracker.query.http;

import static eu.partnershiptracker.core.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.query.routing.InstanceClient;
import eu.partnershiptracker.query.service.TrackerService;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two instances sharing one application id: either answers every query, completely and identically. */
@ExtendWith(RealInfrastructure.class)
class ScaleOutTest {

    private static final List<String> FAN_OUT = List.of("/api/partnerships", "/api/partnerships?actor=NATO",
            "/api/stats", "/api/stats?asOf=2020-01-01", "/api/changes", "/api/stats/timeline",
            "/api/stats?asOf=2024&certainty=any", "/api/partnerships?knownAt=2000", "/api/changes?knownAt=2000");

    private static TrackerFixture fixture;
    private static TrackerService first;
    private static TrackerService second;

    @BeforeAll
    static void start(final Infrastructure infrastructure) {
        fixture = new TrackerFixture(infrastructure, 4);
        first = fixture.startService();
        // The first change registers the output schemas. Two instances registering a new subject at the same moment
        // make Apicurio answer 409 to one of them (a serde issue reported to the lead), so the second starts after.
        fixture.publish(TrackerFixture.sdpSigned(TrackerFixture.PARTNERSHIPS.get(0), 1));
        fixture.awaitCommittedChange(first, "sdp-" + TrackerFixture.PARTNERSHIPS.get(0));
        second = fixture.startService();
        for (int i = 0; i < TrackerFixture.PARTNERSHIPS.size(); i++) {
            final String key = TrackerFixture.PARTNERSHIPS.get(i);
            fixture.publish(TrackerFixture.sdpSigned(key, i + 1),
                    event("fpa-" + key, key, InstrumentType.FPA, EventKind.NEGOTIATIONS_LAUNCHED, "2021-0" + (i + 1)));
        }
        for (final String key : TrackerFixture.PARTNERSHIPS) {
            TrackerFixture.awaitEvent(first, key, "fpa-" + key);
            TrackerFixture.awaitEvent(second, key, "fpa-" + key);
        }
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
        fixture.close();
    }

    @Test
    void everyKeyQueryIsAnsweredIdenticallyByEitherInstanceSomeByForwarding() {
        await("both instances answer every partnership").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            int forwarded = 0;
            for (final String key : TrackerFixture.PARTNERSHIPS) {
                final String path = "/api/partnerships/" + key.replace(':', '/');
                final TrackerFixture.Reply fromFirst = TrackerFixture.get(first, path);
                final TrackerFixture.Reply fromSecond = TrackerFixture.get(second, path);
                assertThat(fromFirst.status()).as(fromFirst.body()).isEqualTo(200);
                assertThat(fromSecond.body()).isEqualTo(fromFirst.body());
                final String ownerSeenByFirst = answeredBy(fromFirst);
                assertThat(answeredBy(fromSecond)).isEqualTo(ownerSeenByFirst);
                forwarded += ownerSeenByFirst.endsWith(":" + first.httpPort()) ? 0 : 1;
                forwarded += ownerSeenByFirst.endsWith(":" + second.httpPort()) ? 0 : 1;
                assertThat(TrackerFixture.get(second, path + "/history").body())
                        .isEqualTo(TrackerFixture.get(first, path + "/history").body());
                // The instance that forwards passes the query string on: the owner leaves the events out too.
                final TrackerFixture.Reply summary = TrackerFixture.get(first, path + "?events=false");
                assertThat(fromFirst.json().has("events")).isTrue();
                assertThat(summary.json().has("events")).as(summary.body()).isFalse();
                assertThat(TrackerFixture.get(second, path + "?events=false").body()).isEqualTo(summary.body());
            }
            assertThat(forwarded).as("key queries answered by forwarding")
                    .isEqualTo(TrackerFixture.PARTNERSHIPS.size());
        });
    }

    @Test
    void queriesOverAllPartnershipsAreCompleteAndEqualOnEitherInstance() {
        await("complete fan-out answers").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (final String path : FAN_OUT) {
                final TrackerFixture.Reply fromFirst = TrackerFixture.get(first, path);
                assertThat(fromFirst.status()).as(path + ": " + fromFirst.body()).isEqualTo(200);
                assertThat(TrackerFixture.get(second, path).json()).as(path).isEqualTo(fromFirst.json());
            }
            assertThat(TrackerFixture.get(first, "/api/partnerships").json().path("count").asInt())
                    .isEqualTo(TrackerFixture.PARTNERSHIPS.size());
            assertThat(TrackerFixture.get(second, "/api/stats").json().path("byInstrument").path("FPA").asInt())
                    .isEqualTo(TrackerFixture.PARTNERSHIPS.size());
            assertThat(TrackerFixture.get(second, "/api/changes").json().path("count").asInt())
                    .isEqualTo(2 * TrackerFixture.PARTNERSHIPS.size());
            // Each instance is asked with the same parameters: none of them answers with events recorded since 2000.
            assertThat(TrackerFixture.get(second, "/api/partnerships?knownAt=2000").json().path("count").asInt())
                    .isZero();
            assertThat(TrackerFixture.get(first, "/api/stats?knownAt=2000").json().path("partnerships").asInt())
                    .isZero();
        });
        final Map<String, String> localOnly = Map.of(InstanceClient.LOCAL_ONLY_HEADER, "true");
        assertThat(TrackerFixture.get(first, "/api/partnerships", localOnly).json().path("count").asInt()
                + TrackerFixture.get(second, "/api/partnerships", localOnly).json().path("count").asInt())
                .as("each instance holds its own share").isEqualTo(TrackerFixture.PARTNERSHIPS.size());
    }

    private static String answeredBy(final TrackerFixture.Reply reply) {
        return reply.headers().firstValue(InstanceClient.ANSWERED_BY_HEADER).orElseThrow();
    }
}
