package eu.partnershiptracker.query.http;

import eu.partnershiptracker.model.PartnershipChange;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/changes/stream}: the change topic as Server-Sent Events. Every client is served from the
 * {@link ChangeWindow} that the instance's one {@link ChangeBroadcaster} fills, on a thread of its own (Javalin's async
 * executor), so a slow client holds up nobody else. A client starts where the broadcaster stands, or at the position in
 * its Last-Event-ID: from the window when it still reaches back there, otherwise after a {@link ChangeCatchUp}. A client
 * that falls further behind than the window reaches is closed; its EventSource reconnects with its Last-Event-ID.
 */
final class ChangeStream implements Consumer<SseClient> {

    static final String PATH = "/api/changes/stream";
    static final String LAST_EVENT_ID = "Last-Event-ID";
    /** Sent once the stream is positioned: changes recorded from then on will reach the client. */
    static final String READY_COMMENT = "ready";

    private static final Logger LOG = LoggerFactory.getLogger(ChangeStream.class);

    private final ChangeWindow window;
    private final ChangeCatchUp catchUp;
    private final AtomicInteger open = new AtomicInteger();

    /** @param metrics where the gauge of open streams is registered */
    ChangeStream(final ChangeWindow window, final ChangeCatchUp catchUp, final MeterRegistry metrics) {
        this.window = Objects.requireNonNull(window, "window");
        this.catchUp = Objects.requireNonNull(catchUp, "catchUp");
        Gauge.builder("tracker.change.streams.open", open::get)
                .description("Clients connected to " + PATH)
                .register(Objects.requireNonNull(metrics, "metrics"));
    }

    /** Rejects a malformed Last-Event-ID with a 400 before the stream starts (after that, the status is sent). */
    static void checkLastEventId(final Context ctx) {
        final String id = ctx.header(LAST_EVENT_ID);
        if (id != null && !id.isBlank()) {
            try {
                StreamPosition.parse(id);
            } catch (final IllegalArgumentException e) {
                throw ApiException.badRequest("header '" + LAST_EVENT_ID + "': " + e.getMessage());
            }
        }
    }

    /** Runs on Javalin's async executor for as long as the client stays. */
    @OpenApi(path = PATH, summary = "Server-Sent Events: every PartnershipChange as it is committed",
            description = "Send 'Accept: text/event-stream'. Each event is 'event: change' with a PartnershipChange as"
                    + " its data, and an id giving the next offset of every partition of the changes topic"
                    + " (0:15,1:7,2:3). Reconnecting with that id in Last-Event-ID resumes right after the event;"
                    + " without it the stream starts at the end. The comment ': ready' says the stream is positioned,"
                    + " ': heartbeat' comments come after 15 s of silence.",
            headers = @OpenApiParam(name = LAST_EVENT_ID, example = "0:15,1:7,2:3",
                    description = "The id of the last event received: the stream resumes right after it."),
            responses = {
                @OpenApiResponse(status = "200", description = "The event stream; each event's data is a change",
                        content = @OpenApiContent(from = PartnershipChange.class, mimeType = "text/event-stream")),
                @OpenApiResponse(status = "400", description = "Last-Event-ID is not an id this API wrote",
                        content = @OpenApiContent(from = ApiError.class))})
    @Override
    public void accept(final SseClient client) {
        try {
            final Optional<StreamPosition> live = awaitBroadcaster(client);
            if (live.isPresent()) {
                final String lastEventId = client.ctx().header(LAST_EVENT_ID);
                serve(new ChangeClient(client, lastEventId == null || lastEventId.isBlank()
                        ? live.get() : StreamPosition.parse(lastEventId)));
            }
        } catch (final CancellationException e) {
            LOG.debug("change stream to {} ended: {}", client.ctx().ip(), e.getMessage());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final RuntimeException e) {
            LOG.warn("change stream to {} failed: {}", client.ctx().ip(), e.toString());
        } finally {
            client.close();
        }
    }

    /** Where the broadcaster stands once it has started; until then heartbeats, which notice a client gone. */
    private Optional<StreamPosition> awaitBroadcaster(final SseClient client) throws InterruptedException {
        Optional<StreamPosition> live = window.awaitPosition(ChangeClient.HEARTBEAT);
        while (live.isEmpty() && !window.isClosed() && !client.terminated()) {
            client.sendComment(ChangeClient.HEARTBEAT_COMMENT);
            live = window.awaitPosition(ChangeClient.HEARTBEAT);
        }
        return live;
    }

    private void serve(final ChangeClient client) throws InterruptedException {
        open.incrementAndGet();
        try {
            client.comment(READY_COMMENT);
            if (!window.covers(client.position())) {
                final StreamPosition until = window.position();
                // Between attempts while the registry is down, heartbeats notice a client gone.
                catchUp.read(client.position(), until, delay -> window.stayOpenFor(delay) && client.heartbeatIfDue(),
                        client::send);
                client.passed(until);
            }
            stream(client);
        } finally {
            open.decrementAndGet();
        }
    }

    private void stream(final ChangeClient client) throws InterruptedException {
        while (!client.gone() && !window.isClosed()) {
            final ChangeWindow.Read read = window.after(client.position(), client.untilHeartbeat());
            if (read.fellBehind()) {
                LOG.info("closing the change stream to {}: it fell more than {} changes of a partition behind, and"
                        + " resumes from its Last-Event-ID when it reconnects", client.address(),
                        window.perPartition());
                return;
            }
            read.changes().forEach(client::send);
            client.heartbeatIfDue();
        }
    }
}
