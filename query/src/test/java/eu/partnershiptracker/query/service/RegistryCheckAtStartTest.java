package eu.partnershiptracker.query.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.partnershiptracker.query.http.TrackerFixture;
import eu.partnershiptracker.serde.SchemaRegistryNotFoundException;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the service does at startup with a registry it cannot use, on a real broker and a real Apicurio: a URL without
 * the Confluent API is refused before any topic exists, while an unreachable registry is waited out like any outage.
 */
@ExtendWith(RealInfrastructure.class)
class RegistryCheckAtStartTest {

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
        try (TrackerFixture fixture = new TrackerFixture(infra, 1);
             TrackerService service = fixture.startService("http://127.0.0.1:" + closedPort())) {
            assertThat(TrackerFixture.get(service, "/health/live").status()).isEqualTo(200);
            final TrackerFixture.Reply ready = TrackerFixture.get(service, "/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body()).contains("\"name\":\"registry\",\"status\":\"DOWN\"");
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
