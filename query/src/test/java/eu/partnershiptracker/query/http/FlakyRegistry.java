package eu.partnershiptracker.query.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A schema registry that can be down: a proxy in front of the real one that answers 503 until {@link #recover()}, then
 * passes every GET through. Tests point a reader at {@link #url()} to see what it does during an outage.
 */
final class FlakyRegistry implements AutoCloseable {

    private final URI registry;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicBoolean down = new AtomicBoolean(true);
    private final AtomicInteger refused = new AtomicInteger();

    /** Starts down, in front of the registry at {@code registryUrl}. */
    FlakyRegistry(final String registryUrl) throws IOException {
        this.registry = URI.create(registryUrl);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** The registry URL to give a reader: the real one's path, on this proxy. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + registry.getPath();
    }

    /** How many requests it refused while down. */
    int refused() {
        return refused.get();
    }

    void recover() {
        down.set(false);
    }

    private void answer(final HttpExchange exchange) throws IOException {
        try (exchange) {
            if (down.get()) {
                refused.incrementAndGet();
                reply(exchange, 503, "text/plain", "down for the test".getBytes(StandardCharsets.UTF_8));
                return;
            }
            final HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(
                            registry.resolve(exchange.getRequestURI().toString())).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            reply(exchange, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse("text/plain"),
                    answer.body());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(final HttpExchange exchange, final int status, final String contentType,
            final byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
