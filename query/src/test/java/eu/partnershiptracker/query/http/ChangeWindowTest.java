package eu.partnershiptracker.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The window of recent changes clients read from: what a position gets, and when it has fallen behind. */
class ChangeWindowTest {

    private final ChangeWindow window = new ChangeWindow(2);

    @Test
    void aPositionGetsTheChangesAfterItAndNothingBefore() throws InterruptedException {
        window.extend(Map.of(0, 10L));
        window.append(List.of(change(10), change(11)), Map.of(0, 12L));
        assertThat(window.after(position(11), Duration.ZERO)).isEqualTo(new ChangeWindow.Read(List.of(change(11)),
                false));
        assertThat(window.after(position(12), Duration.ZERO).changes()).isEmpty();
        assertThat(window.position()).isEqualTo(position(12));
    }

    @Test
    void aPositionOlderThanTheWindowHasFallenBehindWhileOthersGoOn() throws InterruptedException {
        window.extend(Map.of(0, 0L));
        window.append(List.of(change(0), change(1), change(2)), Map.of(0, 3L));
        assertThat(window.covers(position(0))).isFalse();
        assertThat(window.after(position(0), Duration.ZERO).fellBehind()).isTrue();
        assertThat(window.after(position(1), Duration.ZERO).changes()).containsExactly(change(1), change(2));
    }

    @Test
    void aPositionThatDoesNotNameAPartitionStartsAtItsBeginning() {
        window.extend(Map.of(0, 0L, 1, 0L));
        assertThat(window.covers(new StreamPosition(Map.of(0, 0L)))).isTrue();
        window.extend(Map.of(2, 5L));
        assertThat(window.covers(new StreamPosition(Map.of(0, 0L, 1, 0L)))).as("partition 2 before offset 5")
                .isFalse();
    }

    @Test
    void aReaderWaitsForTheNextChangeAndClosingEndsTheWait() {
        window.extend(Map.of(0, 0L));
        final CompletableFuture<ChangeWindow.Read> next = read(position(0));
        window.append(List.of(change(0)), Map.of(0, 1L));
        await().atMost(Duration.ofSeconds(10)).until(next::isDone);
        assertThat(next.join().changes()).containsExactly(change(0));

        final CompletableFuture<ChangeWindow.Read> none = read(position(1));
        window.close();
        await().atMost(Duration.ofSeconds(10)).until(none::isDone);
        assertThat(none.join().changes()).isEmpty();
        assertThat(window.stayOpenFor(Duration.ofMinutes(1))).isFalse();
    }

    private CompletableFuture<ChangeWindow.Read> read(final StreamPosition from) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return window.after(from, Duration.ofMinutes(1));
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static StreamPosition position(final long next) {
        return new StreamPosition(Map.of(0, next));
    }

    private static StreamedChange change(final long offset) {
        return new StreamedChange(0, offset, "{\"offset\": " + offset + "}");
    }
}
