package eu.partnershiptracker.benchmark.lookup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Times GET /api/partnerships?asOf= the way a client that saves or forwards the answer would: the body is read as it
 * streams in and only its bytes are counted, not parsed into a tree.
 */
public final class HttpSnapshot {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** @param baseUrl where the API is served, e.g. http://127.0.0.1:8080 */
    public HttpSnapshot(final String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** @param runs how many snapshots to time; odd, so that the median is one of them */
    public SnapshotTimes measure(final LocalDate asOf, final int runs) {
        Objects.requireNonNull(asOf, "asOf");
        if (runs < 1 || runs % 2 == 0) {
            throw new IllegalArgumentException("runs must be odd and positive: " + runs);
        }
        final URI uri = URI.create(baseUrl + "/api/partnerships?asOf=" + asOf);
        final double[] millis = new double[runs];
        long bytes = 0;
        for (int run = 0; run < runs; run++) {
            final long started = System.nanoTime();
            bytes = fetch(uri);
            millis[run] = (System.nanoTime() - started) / 1e6;
        }
        return SnapshotTimes.of("http", asOf, 0, bytes, millis);
    }

    private long fetch(final URI uri) {
        final HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        try {
            final HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                final byte[] buffer = new byte[BUFFER_BYTES];
                long bytes = 0;
                for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                    bytes += read;
                }
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
                }
                return bytes;
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + uri, e);
        }
    }
}
