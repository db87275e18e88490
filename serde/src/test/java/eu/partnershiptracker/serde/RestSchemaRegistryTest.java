package eu.partnershiptracker.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import eu.partnershiptracker.model.PolicyEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The REST client's HTTP behaviour against local sockets: what it sends, how it reports registry errors, and that an
 * unreachable or silent registry fails fast. The protocol against a real registry is in ApicurioRegistryTest.
 */
class RestSchemaRegistryTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void sendsConfluentContentTypeAndBasicAuth() throws IOException {
        final String url = serve(200, "{\"id\": 42}");
        final RestSchemaRegistry registry =
                new RestSchemaRegistry(List.of(url), Optional.of("fred:secret"), Duration.ofSeconds(2), Duration.ofSeconds(2));

        assertThat(registry.register("events-value", Milestone.SCHEMA$)).isEqualTo(42);
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request).containsEntry("method", "POST")
                    .containsEntry("path", "/apis/ccompat/v7/subjects/events-value/versions")
                    .containsEntry("Content-type", "application/vnd.schemaregistry.v1+json")
                    .containsEntry("Authorization", "Basic ZnJlZDpzZWNyZXQ=");
            assertThat(request.get("body")).contains("\"schema\"").contains("Milestone");
        });
    }

    @Test
    void takesCredentialsFromTheUrlByDefault() throws IOException {
        final String url = serve(200, "{\"id\": 7}").replace("http://", "http://fred:secret@");
        final AvroSerializer<Milestone> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", url), false);

        serializer.serialize("events", new Milestone("signing", "DONE"));

        assertThat(requests).singleElement().satisfies(request ->
                assertThat(request).containsEntry("Authorization", "Basic ZnJlZDpzZWNyZXQ="));
    }

    @Test
    void steadyStateMakesNoHttpCalls() throws IOException {
        final String schema = new ObjectMapper().writeValueAsString(Milestone.SCHEMA$.toString());
        final String url = serve(200, "{\"id\": 42, \"schema\": " + schema + "}");
        final Map<String, String> configs = Map.of("schema.registry.url", url, "specific.avro.reader", "true");
        final AvroSerializer<Milestone> serializer = new AvroSerializer<>();
        serializer.configure(configs, false);
        final AvroDeserializer<Milestone> deserializer = new AvroDeserializer<>();
        deserializer.configure(configs, false);

        for (int i = 0; i < 3; i++) {
            final byte[] written = serializer.serialize("events", new Milestone("talks " + i, "DONE"));
            assertThat(deserializer.deserialize("events", written).name()).isEqualTo("talks " + i);
        }

        assertThat(requests).extracting(request -> request.get("method") + " " + request.get("path")).containsExactly(
                "POST /apis/ccompat/v7/subjects/events-value/versions", "GET /apis/ccompat/v7/schemas/ids/42");
    }

    @Test
    void surfacesTheRegistrysErrorCodeAndMessage() throws IOException {
        final String url = serve(409, "{\"error_code\": 409, \"message\": \"Schema being registered is incompatible\"}");
        final AvroSerializer<PolicyEvent> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", url), false);

        assertThatThrownBy(() -> serializer.serialize("events", SamplePolicyEvents.sdpSigned()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("subject 'events-value'")
                .hasMessageContaining("schema registry at " + url)
                .hasMessageContaining("HTTP 409, error_code 409: Schema being registered is incompatible");
    }

    @Test
    void fallsOverToTheNextUrlWhenOneIsUnreachable() throws IOException {
        final String closed = "http://127.0.0.1:" + closedPort();
        final String url = serve(200, "{\"id\": 3}");
        final RestSchemaRegistry registry = new RestSchemaRegistry(List.of(closed, url), Optional.empty(),
                Duration.ofSeconds(2), Duration.ofSeconds(2));

        assertThat(registry.register("events-value", Milestone.SCHEMA$)).isEqualTo(3);
    }

    @Test
    void anUnreachableRegistryFailsFastNamingTheUrl() throws IOException {
        final String url = "http://127.0.0.1:" + closedPort();
        final AvroSerializer<PolicyEvent> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", url), false);
        final AvroDeserializer<PolicyEvent> deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of("schema.registry.url", url), false);

        assertTimeoutPreemptively(BOUND, () -> {
            assertThatThrownBy(() -> serializer.serialize("events", SamplePolicyEvents.sdpSigned()))
                    .isInstanceOf(SchemaRegistryUnavailableException.class)
                    .hasMessageContaining("schema registry at " + url + " is unreachable: connection refused");
            assertThatThrownBy(() -> deserializer.deserialize("events", new byte[] {0, 0, 0, 0, 1, 0}))
                    .isInstanceOf(SchemaRegistryUnavailableException.class)
                    .isNotInstanceOf(SerializationException.class)
                    .hasMessageContaining("cannot fetch schema id 1")
                    .hasMessageContaining(url + " is unreachable");
        });
    }

    @Test
    void aRegistrationRaceLostWithA409FindsTheSchemaRegisteredByTheWinner() throws IOException {
        final RestSchemaRegistry registry = new RestSchemaRegistry(List.of(serve(path -> path.endsWith("/versions")
                ? new Answer(409, "{\"error_code\": 40901, \"message\": \"artifact already exists\"}")
                : new Answer(200, "{\"id\": 7, \"version\": 1}"))), Optional.empty(),
                Duration.ofSeconds(2), Duration.ofSeconds(2));

        assertThat(registry.register("events-value", Milestone.SCHEMA$)).isEqualTo(7);
        assertThat(requests).extracting(request -> request.get("path"))
                .containsExactly("/apis/ccompat/v7/subjects/events-value/versions", "/apis/ccompat/v7/subjects/events-value");
    }

    @Test
    void anIncompatibleSchemaStaysAnErrorAfterTheLookupFindsNothing() throws IOException {
        final RestSchemaRegistry registry = new RestSchemaRegistry(List.of(serve(path -> path.endsWith("/versions")
                ? new Answer(409, "{\"error_code\": 409, \"message\": \"incompatible with an earlier schema\"}")
                : new Answer(404, "{\"error_code\": 40403, \"message\": \"Schema not found\"}"))),
                Optional.empty(), Duration.ofSeconds(2), Duration.ofSeconds(2));

        assertThatThrownBy(() -> registry.register("events-value", Milestone.SCHEMA$))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("incompatible with an earlier schema");
    }

    @Test
    void aFailingRegistryIsAnOutageButAnUnknownIdIsPoison() throws IOException {
        final AvroDeserializer<PolicyEvent> failing = new AvroDeserializer<>();
        failing.configure(Map.of("schema.registry.url", serve(503,
                "{\"error_code\": 50003, \"message\": \"forwarding failed\"}")), false);

        assertThatThrownBy(() -> failing.deserialize("events", new byte[] {0, 0, 0, 0, 1, 0}))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("error_code 50003");

        server.stop(0);
        final AvroDeserializer<PolicyEvent> answering = new AvroDeserializer<>();
        answering.configure(Map.of("schema.registry.url", serve(404,
                "{\"error_code\": 40403, \"message\": \"Schema not found\"}")), false);

        assertThatThrownBy(() -> answering.deserialize("events", new byte[] {0, 0, 0, 0, 1, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown schema id 1");
    }

    @Test
    void aPlainNotFoundIsAWrongUrlAndAConfluentOneIsNot() throws IOException {
        // What Karapace's web server answers for a path it does not serve.
        final String url = serve(path -> path.endsWith("/versions") ? new Answer(404, "404: Not Found")
                : new Answer(404, "{\"error_code\": 40401, \"message\": \"Subject not found\"}"));
        final AvroSerializer<PolicyEvent> registering = new AvroSerializer<>();
        registering.configure(Map.of("schema.registry.url", url), false);
        final AvroSerializer<PolicyEvent> latestOnly = new AvroSerializer<>();
        latestOnly.configure(Map.of("schema.registry.url", url, "auto.register.schemas", false,
                "use.latest.version", true), false);

        assertThatThrownBy(() -> registering.serialize("events", SamplePolicyEvents.sdpSigned()))
                .isInstanceOf(SchemaRegistryNotFoundException.class)
                .hasMessageContaining("schema registry at " + url + " answered POST /subjects/events-value/versions"
                        + " with HTTP 404 and no Confluent error code");
        assertThatThrownBy(() -> latestOnly.serialize("events", SamplePolicyEvents.sdpSigned()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("error_code 40401: Subject not found");
    }

    @Test
    void theCheckReportsAnUnreachableRegistryAsAnOutage() throws IOException {
        final String url = "http://127.0.0.1:" + closedPort();

        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> SchemaRegistryCheck.requireConfluentApi(
                AvroSerdeConfig.forRegistry(url, Map.of()), "events"))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("schema registry at " + url + " is unreachable"));
    }

    @Test
    void aRegistryThatNeverAnswersFailsAfterTheReadTimeout() throws IOException {
        // Accepted by the kernel's backlog but never read: the connection opens, no answer ever comes.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            final String url = "http://127.0.0.1:" + silent.getLocalPort();
            final AvroSerializer<PolicyEvent> serializer = new AvroSerializer<>();
            serializer.configure(Map.of("schema.registry.url", url, "http.read.timeout.ms", 300), false);

            assertTimeoutPreemptively(BOUND, () ->
                    assertThatThrownBy(() -> serializer.serialize("events", SamplePolicyEvents.sdpSigned()))
                            .isInstanceOf(SchemaRegistryUnavailableException.class)
                            .hasMessageContaining("schema registry at " + url + " is unreachable: no answer within 300 ms"));
        }
    }

    private String serve(final int status, final String body) throws IOException {
        return serve(path -> new Answer(status, body));
    }

    /** What the fake registry answers to a request path. */
    private record Answer(int status, String body) {
    }

    private String serve(final java.util.function.Function<String, Answer> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(Map.of(
                    "method", exchange.getRequestMethod(),
                    "path", exchange.getRequestURI().getPath(),
                    "Content-type", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                    "Authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            final Answer reply = answers.apply(exchange.getRequestURI().getPath());
            final byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(reply.status(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7";
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
