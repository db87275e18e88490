package eu.partnershiptracker.query.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import eu.partnershiptracker.cluster.TopicNames;
import eu.partnershiptracker.query.http.TrackerFixture;
import eu.partnershiptracker.query.service.ServeSettings;
import eu.partnershiptracker.query.service.TrackerService;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.KafkaBroker;
import eu.partnershiptracker.testing.RealInfrastructure;
import eu.partnershiptracker.testing.SwitchableRegistry;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readiness on a real broker and a real Apicurio: it turns DOWN, naming the dependency, when the broker or the registry
 * goes, while liveness stays UP and queries keep answering from the local state, marked possibly stale.
 */
@ExtendWith(RealInfrastructure.class)
class ReadinessTest {

    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(20);
    private static final String STALE = "X-Tracker-Stale";

    @Test
    void aRegistryThatIsDownMakesTheInstanceNotReadyUntilItIsBack(final Infrastructure infra) throws Exception {
        try (SwitchableRegistry registry = new SwitchableRegistry(infra.registryUrl());
             TrackerFixture fixture = new TrackerFixture(infra, 1);
             TrackerService service = fixture.startService(registry.url())) {
            awaitCheck(service, "registry", "DOWN");
            final TrackerFixture.Reply ready = TrackerFixture.get(service, "/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().path("status").asText()).isEqualTo("DOWN");
            assertThat(check(ready, "kafka")).isEqualTo("UP");
            assertThat(check(ready, "streams")).isEqualTo("UP");
            assertThat(checkNode(ready, "registry").path("data").path("error").asText()).contains("503");
            assertThat(TrackerFixture.get(service, "/health").status()).isEqualTo(503);
            assertThat(TrackerFixture.get(service, "/health/live").status()).isEqualTo(200);
            final TrackerFixture.Reply stats = TrackerFixture.get(service, "/api/stats");
            assertThat(stats.status()).isEqualTo(200);
            assertThat(stats.headers().firstValue(STALE)).contains("true");

            registry.recover();
            await("readiness UP again").atMost(NOTICED_WITHIN)
                    .until(() -> TrackerFixture.get(service, "/health/ready").status() == 200);
            assertThat(check(TrackerFixture.get(service, "/health/ready"), "registry")).isEqualTo("UP");
            assertThat(TrackerFixture.get(service, "/api/stats").headers().firstValue(STALE)).isEmpty();
        }
    }

    @Test
    void aBrokerThatIsGoneMakesTheInstanceNotReadyButStillAlive(final Infrastructure infra) throws Exception {
        final KafkaBroker broker = KafkaBroker.start();
        boolean brokerRunning = true;
        final String suffix = infra.uniqueTopic("ready");
        try (TrackerService service = TrackerService.start(ServeSettings.builder(broker.bootstrapServers(),
                        infra.registryUrl())
                .applicationId("tracker-" + suffix)
                .topics(new TopicNames("events-" + suffix, "changes-" + suffix, "instruments-" + suffix,
                        "dlq-" + suffix))
                .stateDir(Files.createTempDirectory("tracker-state"))
                .httpHost("127.0.0.1")
                .httpPort(0)
                .advertisedHost("127.0.0.1")
                .partitions(1)
                .readyTimeout(Duration.ofSeconds(90))
                .build())) {
            await("ready on a running broker").atMost(NOTICED_WITHIN)
                    .until(() -> TrackerFixture.get(service, "/health/ready").status() == 200);
            assertThat(TrackerFixture.get(service, "/api/stats").headers().firstValue(STALE)).isEmpty();

            broker.close();
            brokerRunning = false;
            awaitCheck(service, "kafka", "DOWN");
            final TrackerFixture.Reply ready = TrackerFixture.get(service, "/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(checkNode(ready, "kafka").path("data").path("error").asText())
                    .contains("Kafka at " + broker.bootstrapServers());
            final TrackerFixture.Reply live = TrackerFixture.get(service, "/health/live");
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.json().path("status").asText()).isEqualTo("UP");
            assertThat(TrackerFixture.get(service, "/api/stats").headers().firstValue(STALE)).contains("true");
        } finally {
            if (brokerRunning) {
                broker.close();
            }
        }
    }

    /**
     * Waits for readiness to report {@code name} as {@code status}; a timeout says what readiness last answered. A
     * request that failed on its way (the fixture's timeout) is asked again: the subject is readiness, not the client.
     */
    private static void awaitCheck(final TrackerService service, final String name, final String status) {
        await("readiness reporting " + name + " " + status).atMost(NOTICED_WITHIN)
                .ignoreExceptionsInstanceOf(UncheckedIOException.class)
                .untilAsserted(() -> {
                    final TrackerFixture.Reply ready = TrackerFixture.get(service, "/health/ready");
                    assertThat(check(ready, name)).as("the check %s in %s", name, ready.body()).isEqualTo(status);
                });
    }

    private static String check(final TrackerFixture.Reply reply, final String name) {
        return checkNode(reply, name).path("status").asText();
    }

    private static JsonNode checkNode(final TrackerFixture.Reply reply, final String name) {
        return StreamSupport.stream(reply.json().path("checks").spliterator(), false)
                .filter(check -> check.path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + reply.body()));
    }
}
