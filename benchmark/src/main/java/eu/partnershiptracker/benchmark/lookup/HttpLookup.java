package eu.partnershiptracker.benchmark.lookup;

import eu.partnershiptracker.model.Actor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An as-of lookup of one partnership's instrument statuses on a date through the HTTP API (docs/API.md):
 * {@code GET /api/partnerships/{actor}/{counterpart}?asOf=YYYY-MM-DD&events=false}, 200 with the partnership without
 * its event list (the lookup PostgreSQL answers), 404 when nothing of it is known by then. The whole body is read, as a
 * client would.
 */
public final class HttpLookup implements LookupTarget {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    /** @param baseUrl where the API is served, e.g. http://127.0.0.1:8080 */
    public HttpLookup(final String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public boolean lookup(final Actor actor, final String counterpart, final LocalDate asOf) {
        final URI uri = URI.create(baseUrl + "/api/partnerships/" + actor + "/"
                + URLEncoder.encode(counterpart, StandardCharsets.UTF_8) + "?asOf=" + asOf + "&events=false");
        final HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        final HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (final IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + uri, e);
        }
        return switch (response.statusCode()) {
            case 200 -> true;
            case 404 -> false;
            default -> throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        };
    }
}
