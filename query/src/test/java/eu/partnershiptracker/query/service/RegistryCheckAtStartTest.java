package eu.partnershiptracker.query.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.query.http.TrackerFixture;
import eu.partnershiptracker.serde.SchemaRegistryNotFoundException;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the service does at startup with a registry it cannot use, on a real broker and a real Apicurio: a URL without
 * the Confluent API is refused before any topic exists, while an unreachable registry is waited out like any outage.
 */
@ExtendWith(RealInfrastructure.class)
class RegistryCheckAtStartTest {

    /** The registry check at start is bounded by the settings' timeout; the rest is topics and a first rebalance. */
    private static final Duration START_BOUND = ClusterSettings.DEFAULT_TIMEOUT.plusSeconds(20);
    /** Readiness answers from the latest probe and never waits for the registry itself. */
    private static final Duration READY_ANSWER_BOUND = Duration.ofSeconds(2);

    @Test
    void aUrlWithoutTheConfluentApiIsRefusedBeforeAnyTopicIsCreated(final Infrastructure infra) throws Exception {
        try (TrackerFixture fixture = new TrackerFixture(infra, 1)) {
            assertThatThrownBy(() -> fixture.startService(infra.registryBaseUrl()))
                    .isInstanceOf(SchemaRegistryNotFoundException.class)
                    .hasMessageContaining("schema registry at " + infra.registryBaseUrl() + " answered GET /subjects/"
                            + fixture.topics().events() + "-value/versions/latest with HTTP 404")
                    .hasMessageContaining("For Apicurio Registry it is " + infra.registryUrl());
            assertThat(infra.admin().listTopics().names().get()).doesNotContainAnyElementsOf(fixture.topics().all());
        }
    }

    @Test
    void anUnreachableRegistryDoesNotStopTheStartButTheInstanceIsNotReady(final Infrastructure infra)
            throws IOException {
        final String registry = "http://127.0.0.1:" + closedPort();
        try (TrackerFixture fixture = new TrackerFixture(infra, 1);
             TrackerService service = assertTimeoutPreemptively(START_BOUND, () -> fixture.startService(registry))) {
            assertThat(TrackerFixture.get(service, "/health/live").status()).isEqualTo(200);
            final TrackerFixture.Reply ready = TrackerFixture.get(service, "/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body()).contains("\"name\":\"registry\",\"status\":\"DOWN\"");
        }
    }

    @Test
    void aRegistryThatNeverAnswersDoesNotHangTheStartAndTheInstanceSaysItIsNotReady(final Infrastructure infra)
            throws IOException {
        // Connections are accepted (the backlog completes the handshake) but no byte ever comes back: the hang case.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             TrackerFixture fixture = new TrackerFixture(infra, 1)) {
            final String registry = "http://127.0.0.1:" + silent.getLocalPort();
            final long start = System.nanoTime();
            try (TrackerService service = assertTimeoutPreemptively(START_BOUND,
                    () -> fixture.startService(registry))) {
                System.out.println("serve against a silent registry started in "
                        + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
                final TrackerFixture.Reply ready = assertTimeoutPreemptively(READY_ANSWER_BOUND,
                        () -> TrackerFixture.get(service, "/health/ready"));
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.body()).contains("\"name\":\"registry\",\"status\":\"DOWN\"");
                System.out.println("serve against a silent registry: /health/ready " + ready.status() + " "
                        + ready.body());
            }
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
