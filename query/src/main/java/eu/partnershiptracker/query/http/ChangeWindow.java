package eu.partnershiptracker.query.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The recent changes of every partition, shared by all the clients of the change stream: the broadcaster appends what
 * its one consumer reads, and each client takes what comes after its own position, at its own pace. At most a fixed
 * number of changes per partition are kept, so memory stays bounded however slow a client is, and the broadcaster never
 * waits for one: a client whose position is older than the window must be caught up from the topic instead.
 */
final class ChangeWindow {

    /** What a client gets: the changes after its position, or word that the window no longer reaches back to it. */
    record Read(List<StreamedChange> changes, boolean fellBehind) {

        Read {
            changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
        }
    }

    private static final Read BEHIND = new Read(List.of(), true);

    private final int perPartition;
    private final Map<Integer, ArrayDeque<StreamedChange>> recent = new HashMap<>();
    /** By partition, the offset from which every change is in {@link #recent}: a position from there is covered. */
    private final Map<Integer, Long> coveredFrom = new HashMap<>();
    /** By partition, the broadcaster's next offset; it passes records that are not changes, such as commit markers. */
    private final Map<Integer, Long> position = new HashMap<>();
    private boolean closed;

    /** @param perPartition how many of the latest changes of each partition are kept */
    ChangeWindow(final int perPartition) {
        if (perPartition < 1) {
            throw new IllegalArgumentException("the window must keep at least one change per partition, got "
                    + perPartition);
        }
        this.perPartition = perPartition;
    }

    int perPartition() {
        return perPartition;
    }

    /** Adds partitions the broadcaster starts reading at these offsets; it holds nothing before them. */
    synchronized void extend(final Map<Integer, Long> from) {
        from.forEach((partition, offset) -> {
            recent.putIfAbsent(partition, new ArrayDeque<>());
            coveredFrom.put(partition, offset);
            position.put(partition, offset);
        });
        notifyAll();
    }

    /** Appends what the broadcaster read, in offset order per partition, and where that left it. */
    synchronized void append(final List<StreamedChange> changes, final Map<Integer, Long> positions) {
        for (final StreamedChange change : changes) {
            final ArrayDeque<StreamedChange> partition = recent.get(change.partition());
            if (partition == null) {
                throw new IllegalStateException("partition " + change.partition() + " was never added to the window");
            }
            partition.addLast(change);
            if (partition.size() > perPartition) {
                coveredFrom.put(change.partition(), partition.removeFirst().offset() + 1);
            }
        }
        position.putAll(positions);
        if (!changes.isEmpty()) {
            notifyAll();
        }
    }

    /** Where the broadcaster stands: no partition at all before it has started. */
    synchronized StreamPosition position() {
        return new StreamPosition(position);
    }

    /** Where the broadcaster stands, once it has started: waits up to {@code wait} for it; empty once closed. */
    synchronized Optional<StreamPosition> awaitPosition(final Duration wait) throws InterruptedException {
        waitUntil(() -> closed || !position.isEmpty(), wait);
        return closed || position.isEmpty() ? Optional.empty() : Optional.of(new StreamPosition(position));
    }

    /** Whether every change after the position is here. */
    synchronized boolean covers(final StreamPosition from) {
        return coveredFrom.entrySet().stream().allMatch(entry -> from.next(entry.getKey()) >= entry.getValue());
    }

    /**
     * The changes after the position, or when there are none yet, the first ones to arrive within {@code wait}; none
     * when the wait ends without any or the window is closed.
     */
    synchronized Read after(final StreamPosition from, final Duration wait) throws InterruptedException {
        waitUntil(() -> closed || !covers(from) || !newer(from).isEmpty(), wait);
        return covers(from) ? new Read(newer(from), false) : BEHIND;
    }

    /** Waits the delay out unless the window closes first; whether it is still open (false too when interrupted). */
    synchronized boolean stayOpenFor(final Duration delay) {
        try {
            return !waitUntil(() -> closed, delay);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Ends every wait: the stream is closing. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Waits on this window's monitor, which the caller holds, until the condition holds or the time is up. */
    private boolean waitUntil(final BooleanSupplier condition, final Duration wait) throws InterruptedException {
        final long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean()) {
            final long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Live clients are at the tail, so each partition is read backwards until the client's position. */
    private List<StreamedChange> newer(final StreamPosition from) {
        final List<StreamedChange> found = new ArrayList<>();
        recent.forEach((partition, changes) -> {
            final int first = found.size();
            for (final Iterator<StreamedChange> newest = changes.descendingIterator(); newest.hasNext(); ) {
                final StreamedChange change = newest.next();
                if (!from.isBefore(partition, change.offset())) {
                    break;
                }
                found.add(change);
            }
            Collections.reverse(found.subList(first, found.size()));
        });
        return found;
    }
}
