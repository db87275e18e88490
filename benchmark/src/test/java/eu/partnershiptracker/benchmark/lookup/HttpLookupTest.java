package eu.partnershiptracker.benchmark.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import eu.partnershiptracker.model.Actor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP lookup speaks the documented contract of docs/API.md. The tracker's API is not part of this module, so a
 * JDK HTTP server stands in for it: it answers by the partnership asked for and records the request URIs.
 */
class HttpLookupTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/partnerships/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            final String path = exchange.getRequestURI().getPath();
            final int status = path.endsWith("/JP") ? 200 : path.endsWith("/XX") ? 404 : 500;
            final byte[] body = ("{\"status\": " + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Test
    void aPartnershipsStatusesAreAskedForWithoutItsEvents() {
        final HttpLookup lookup = new HttpLookup(baseUrl());

        assertThat(lookup.lookup(Actor.EU, "JP", LocalDate.of(2024, 6, 30))).isTrue();
        assertThat(requests).containsExactly("/api/partnerships/EU/JP?asOf=2024-06-30&events=false");
    }

    @Test
    void notFoundMeansNoStateYet() {
        assertThat(new HttpLookup(baseUrl()).lookup(Actor.NATO, "XX", LocalDate.of(1999, 1, 1))).isFalse();
    }

    @Test
    void anyOtherAnswerIsAnError() {
        assertThatThrownBy(() -> new HttpLookup(baseUrl()).lookup(Actor.EU, "ZZ", LocalDate.of(2020, 1, 1)))
                .hasMessageContaining("answered 500")
                .hasMessageContaining("{\"status\": 500}");
    }
}
