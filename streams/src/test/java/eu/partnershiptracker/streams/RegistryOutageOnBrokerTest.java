package eu.partnershiptracker.streams;

import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.model.EventKind.SIGNED;
import static eu.partnershiptracker.model.InstrumentType.FPA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** An HTTP proxy in front of the real registry that answers 503 until {@link #recover()} is called. */
    private static final class SwitchableRegistry implements AutoCloseable {

        private final HttpServer server;
        private final HttpClient http = HttpClient.newHttpClient();
        private final String target;
        private final AtomicBoolean up = new AtomicBoolean();
        private final AtomicInteger refused = new AtomicInteger();

        SwitchableRegistry(final String target) throws IOException {
            this.target = target;
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        int refused() {
            return refused.get();
        }

        void recover() {
            up.set(true);
        }

        private void handle(final HttpExchange exchange) throws IOException {
            try (exchange) {
                if (!up.get()) {
                    refused.incrementAndGet();
                    respond(exchange, 503, "application/json",
                            "{\"error_code\": 50003, \"message\": \"down for the test\"}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                final byte[] body = exchange.getRequestBody().readAllBytes();
                final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                        .method(exchange.getRequestMethod(), body.length == 0
                                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                for (final String header : List.of("Content-Type", "Accept")) {
                    final String value = exchange.getRequestHeaders().getFirst(header);
                    if (value != null) {
                        request.header(header, value);
                    }
                }
                final HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                respond(exchange, response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while forwarding to " + target, e);
            }
        }

        private static void respond(final HttpExchange exchange, final int status, final String contentType,
                final byte[] body) throws IOException {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
