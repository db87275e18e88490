package eu.partnershiptracker.query;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** A store held in a sorted map, for query tests that need no streams application: one instance's share. */
final class MapStore<V> implements ReadOnlyKeyValueStore<String, V> {

    private final NavigableMap<String, V> entries;

    MapStore(final Map<String, V> entries) {
        this.entries = new TreeMap<>(entries);
    }

    @Override
    public V get(final String key) {
        return entries.get(key);
    }

    @Override
    public KeyValueIterator<String, V> range(final String from, final String to) {
        return iterator(entries.subMap(from, true, to, true));
    }

    @Override
    public KeyValueIterator<String, V> all() {
        return iterator(entries);
    }

    @Override
    public long approximateNumEntries() {
        return entries.size();
    }

    private static <V> KeyValueIterator<String, V> iterator(final NavigableMap<String, V> view) {
        final Iterator<Map.Entry<String, V>> iterator = view.entrySet().iterator();
        return new KeyValueIterator<>() {

            private Map.Entry<String, V> peeked;

            @Override
            public boolean hasNext() {
                return peeked != null || iterator.hasNext();
            }

            @Override
            public KeyValue<String, V> next() {
                final Map.Entry<String, V> entry = peeked != null ? peeked : iterator.next();
                peeked = null;
                return KeyValue.pair(entry.getKey(), entry.getValue());
            }

            @Override
            public String peekNextKey() {
                if (peeked == null) {
                    peeked = iterator.next();
                }
                return peeked.getKey();
            }

            @Override
            public void close() {
            }
        };
    }
}
