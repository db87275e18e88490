package eu.partnershiptracker.query.http;

import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * One client of the change stream: its own position, which every change sent moves and which goes with the change as
 * its event id, and a heartbeat comment after {@link #HEARTBEAT} of silence, which keeps proxies from closing an idle
 * stream and reveals a client gone (a write to it fails).
 */
final class ChangeClient {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final String HEARTBEAT_COMMENT = "heartbeat";
    private static final String EVENT = "change";

    private final SseClient client;
    private StreamPosition position;
    private long lastWrite = System.nanoTime();

    ChangeClient(final SseClient client, final StreamPosition start) {
        this.client = Objects.requireNonNull(client, "client");
        this.position = Objects.requireNonNull(start, "start");
    }

    StreamPosition position() {
        return position;
    }

    boolean gone() {
        return client.terminated();
    }

    String address() {
        return client.ctx().ip();
    }

    /**
     * Sends the change unless the client has it already: where a catch-up meets the window, nothing goes twice.
     *
     * @throws CancellationException when the client has left
     */
    void send(final StreamedChange change) {
        if (gone()) {
            throw new CancellationException("the client left");
        }
        if (position.isBefore(change.partition(), change.offset())) {
            position = position.after(change.partition(), change.offset());
            client.sendEvent(EVENT, change.json(), position.encode());
            lastWrite = System.nanoTime();
        }
    }

    /** Moves the position past everything a catch-up read, skipped records and commit markers included. */
    void passed(final StreamPosition read) {
        position = position.atLeast(read);
    }

    void comment(final String text) {
        client.sendComment(text);
        lastWrite = System.nanoTime();
    }

    /** How long the client may wait for a change before it is owed a heartbeat. */
    Duration untilHeartbeat() {
        final Duration left = HEARTBEAT.minusNanos(System.nanoTime() - lastWrite);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Sends a heartbeat if the client has heard nothing for {@link #HEARTBEAT}; whether it is still there. */
    boolean heartbeatIfDue() {
        if (untilHeartbeat().isZero()) {
            comment(HEARTBEAT_COMMENT);
        }
        return !gone();
    }
}
