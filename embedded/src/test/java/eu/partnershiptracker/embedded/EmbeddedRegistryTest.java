package eu.partnershiptracker.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apicurio Registry as the demo runs it. The registry's protocol itself is covered in test-support's
 * ApicurioRegistryTest; here only what the demo relies on: the port it is told, schemas kept across restarts (records
 * on the broker refer to their ids), and clear errors.
 */
class EmbeddedRegistryTest {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = """
            {"type": "record", "name": "Partnership", "namespace": "eu.partnershiptracker.test",
             "fields": [{"name": "partner", "type": "string"}]}""";

    @TempDir
    Path dir;

    @Test
    void listensOnTheGivenPortAndKeepsSchemasInItsWorkDirectoryAcrossRestarts() throws Exception {
        final int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        final long id;
        try (EmbeddedRegistry registry = start(port)) {
            assertThat(registry.confluentApiUrl()).isEqualTo("http://127.0.0.1:" + port + "/apis/ccompat/v7");
            final HttpResponse<String> registered = send(HttpRequest.newBuilder(
                            URI.create(registry.confluentApiUrl() + "/subjects/policy-events-value/versions"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"schema\": " + JSON.writeValueAsString(SCHEMA) + "}"))
                    .build());
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            id = JSON.readTree(registered.body()).get("id").asLong();
        }

        try (EmbeddedRegistry restarted = start(port)) {
            final HttpResponse<String> fetched = send(HttpRequest.newBuilder(
                    URI.create(restarted.confluentApiUrl() + "/schemas/ids/" + id)).GET().build());
            assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
            assertThat(JSON.readTree(JSON.readTree(fetched.body()).get("schema").asText()))
                    .isEqualTo(JSON.readTree(SCHEMA));
        }
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> start(taken.getLocalPort()))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void aMissingDistributionIsAClearError() {
        assertThatThrownBy(() -> EmbeddedRegistry.start(dir, dir, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Apicurio Registry is not unpacked: no apicurio-registry-app-*-runner.jar in "
                        + dir)
                .hasMessageContaining("./mvnw -pl embedded generate-resources");
    }

    private EmbeddedRegistry start(final int port) {
        return EmbeddedRegistry.start(apicurioHome(), dir, port, EmbeddedRegistry.Storage.WORK_DIRECTORY, STARTUP);
    }

    private static HttpResponse<String> send(final HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The build passes the unpacked distribution's location to every module's tests. */
    private static Path apicurioHome() {
        return Path.of(System.getProperty("apicurio.home"));
    }
}
