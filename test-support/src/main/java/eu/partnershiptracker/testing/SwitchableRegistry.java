package eu.partnershiptracker.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A schema registry that can be down: an HTTP proxy in front of the real one that answers 503 (with a Confluent error
 * body) until {@link #recover()}, then passes every request through. Tests point a client at {@link #url()} to see what
 * it does during an outage.
 */
public final class SwitchableRegistry implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String target;
    private final AtomicBoolean up = new AtomicBoolean();
    private final AtomicInteger refused = new AtomicInteger();

    /** Starts down, in front of the registry's Confluent API at {@code target}. */
    public SwitchableRegistry(final String target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The registry URL to give a client: requests to it go to the target's. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests it refused while down. */
    public int refused() {
        return refused.get();
    }

    public void recover() {
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
