package eu.partnershiptracker.streams;

import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * A store iterator derived from another one, computing each pair only when asked: the subclass says how the next pair
 * is made from the underlying iterator, and this class keeps the one pair of look-ahead that hasNext and peekNextKey
 * need. Closing it closes the underlying iterator.
 */
abstract class LookaheadIterator<K, V> implements KeyValueIterator<K, V> {

    private final KeyValueIterator<?, ?> underlying;
    private KeyValue<K, V> next;

    LookaheadIterator(final KeyValueIterator<?, ?> underlying) {
        this.underlying = Objects.requireNonNull(underlying, "underlying");
    }

    /** The next pair made from the underlying iterator, or null once it has none left. */
    protected abstract KeyValue<K, V> advance();

    @Override
    public final boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public final KeyValue<K, V> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        final KeyValue<K, V> current = next;
        next = null;
        return current;
    }

    @Override
    public final K peekNextKey() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return next.key;
    }

    @Override
    public final void close() {
        underlying.close();
    }
}
