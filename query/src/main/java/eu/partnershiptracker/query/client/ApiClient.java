package eu.partnershiptracker.query.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Talks to a running tracker's HTTP API: JSON queries and the change stream. */
public final class ApiClient {

    /** The API could not be reached, or refused the request; {@link #status} is 0 when it was not reached. */
    public static final class ApiCallException extends Exception {

        private static final long serialVersionUID = 1L;

        private final int status;

        ApiCallException(final int status, final String message, final Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** A refusal (4xx) is the caller's mistake; anything else means the tracker is unavailable. */
        public boolean isRefusal() {
            return status >= 400 && status < 500;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    public ApiClient(final URI base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /** GET a JSON answer; null parameter values are left out. */
    public JsonNode get(final String path, final Map<String, ?> parameters) throws ApiCallException {
        final HttpRequest request = HttpRequest.newBuilder(uri(path, parameters))
                .header("Accept", "application/json").timeout(TIMEOUT).GET().build();
        final HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        final JsonNode body = parse(response.body(), response.statusCode());
        if (response.statusCode() != 200) {
            throw new ApiCallException(response.statusCode(), body.path("error").asText(response.body()), null);
        }
        return body;
    }

    /** Reads the event stream at {@code path} until the server ends it, handing each event to {@code sink}. */
    public void stream(final String path, final Consumer<ServerSentEvents.Event> sink) throws ApiCallException {
        final HttpRequest request = HttpRequest.newBuilder(uri(path, Map.of()))
                .header("Accept", "text/event-stream").GET().build();
        final HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                throw new ApiCallException(response.statusCode(), lines.lines().collect(Collectors.joining("\n")),
                        null);
            }
            ServerSentEvents.read(lines, sink::accept);
        } catch (final IOException e) {
            throw new ApiCallException(0, "the change stream from " + base + " broke off: " + e.getMessage(), e);
        }
    }

    private URI uri(final String path, final Map<String, ?> parameters) {
        final String query = parameters.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue().toString(),
                        StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        final String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + path + (query.isEmpty() ? "" : "?" + query));
    }

    private <T> HttpResponse<T> send(final HttpRequest request, final HttpResponse.BodyHandler<T> handler)
            throws ApiCallException {
        try {
            return http.send(request, handler);
        } catch (final IOException e) {
            throw new ApiCallException(0, "the tracker API at " + base + " did not answer: " + e, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiCallException(0, "interrupted while waiting for " + base, e);
        }
    }

    private JsonNode parse(final String body, final int status) throws ApiCallException {
        try {
            return mapper.readTree(body);
        } catch (final JsonProcessingException e) {
            throw new ApiCallException(status, "the tracker API at " + base + " answered " + status
                    + " with something that is not JSON", e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
