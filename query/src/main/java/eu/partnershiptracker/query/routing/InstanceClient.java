package eu.partnershiptracker.query.routing;

import eu.partnershiptracker.query.QueryUnavailableException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance of the application to answer a request from its own store. The request carries
 * {@link #LOCAL_ONLY_HEADER} so that the other instance answers locally instead of routing it again.
 */
public final class InstanceClient {

    /** Marks a request that must be answered from the receiving instance's own store. */
    public static final String LOCAL_ONLY_HEADER = "X-Tracker-Local";
    /** Names the instance ({@code host:port}) whose store answered. */
    public static final String ANSWERED_BY_HEADER = "X-Tracker-Instance";
    /**
     * Set to "true" on an answer that may lag behind the log: it came from a standby copy, from a store left from
     * before a rebalance, or from an instance that is not ready.
     */
    public static final String STALE_HEADER = "X-Tracker-Stale";

    /** What the other instance answered, and whether it marked the answer stale. */
    public record Reply(int status, String body, String answeredBy, boolean stale) {
    }

    private final HttpClient http;
    private final Duration timeout;

    public InstanceClient(final Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** GET {@code pathAndQuery} (already encoded) from the instance; fails with QueryUnavailableException. */
    public CompletableFuture<Reply> get(final HostInfo instance, final String pathAndQuery) {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        final HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://" + instance.host() + ":" + instance.port() + pathAndQuery))
                .header(LOCAL_ONLY_HEADER, "true")
                .header("Accept", "application/json")
                .timeout(timeout)
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Reply(response.statusCode(), response.body(),
                        response.headers().firstValue(ANSWERED_BY_HEADER).orElse(describe(instance)),
                        response.headers().firstValue(STALE_HEADER).map("true"::equalsIgnoreCase).orElse(false)))
                .exceptionally(failure -> {
                    final Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    throw new QueryUnavailableException("instance " + describe(instance) + " did not answer: "
                            + cause, cause);
                });
    }

    public static String describe(final HostInfo instance) {
        return instance.host() + ":" + instance.port();
    }
}
