package eu.partnershiptracker.query.http;

import eu.partnershiptracker.query.client.ServerSentEvents.Event;
import eu.partnershiptracker.query.client.ServerSentEvents;
import eu.partnershiptracker.query.service.TrackerService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test client of the change stream: reads events and comments on a thread of its own until closed. */
final class SseReader implements AutoCloseable {

    private final InputStream body;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Set<String> comments = ConcurrentHashMap.newKeySet();

    private SseReader(final InputStream body) {
        this.body = body;
        final Thread reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream, resuming after {@code lastEventId} when it is not null. */
    static SseReader open(final TrackerService service, final String lastEventId) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(TrackerFixture.baseUrl(service) + "/api/changes/stream"))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            final HttpResponse<InputStream> response = HttpClient.newHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("stream answered " + response.statusCode());
            }
            return new SseReader(response.body());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean sawComment(final String comment) {
        return comments.contains(comment);
    }

    /** The next event, failing when none comes within the time. */
    Event next(final Duration within) throws InterruptedException {
        final Event event = events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no event within " + within);
        }
        return event;
    }

    /** The next event, or null when none comes within the time. */
    Event poll(final Duration within) throws InterruptedException {
        return events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            ServerSentEvents.read(lines, new ServerSentEvents.Listener() {

                @Override
                public void event(final Event event) {
                    events.add(event);
                }

                @Override
                public void comment(final String text) {
                    comments.add(text.strip());
                }
            });
        } catch (final IOException closed) {
            // The test closed the stream.
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
