package eu.partnershiptracker.query;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.model.PolicyEvent;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Timelines built from a list of events and held in memory, read-only, in the shape of the streams application's store:
 * so that {@link TimelineQueries} answers over checked event files (the quality report's figures) exactly as the API
 * answers over the events topic.
 */
public final class InMemoryTimelines implements ReadOnlyKeyValueStore<String, Timeline> {

    private final NavigableMap<String, Timeline> timelines;

    private InMemoryTimelines(final NavigableMap<String, Timeline> timelines) {
        this.timelines = timelines;
    }

    /** One timeline per partnership, its entries in list order, all "recorded" at one instant. */
    public static InMemoryTimelines of(final List<PolicyEvent> events) {
        Objects.requireNonNull(events, "events");
        final NavigableMap<String, Timeline> timelines = new TreeMap<>();
        long offset = 0;
        for (final PolicyEvent event : events) {
            // Transaction time plays no part in a state as of now: every entry is recorded at once, in list order.
            final TimelineEntry entry = new TimelineEntry(event, Instant.EPOCH, 0, offset++);
            timelines.merge(PartnershipKey.of(event), Timeline.EMPTY.with(entry),
                    (timeline, single) -> timeline.with(entry));
        }
        return new InMemoryTimelines(timelines);
    }

    /** Given timelines, by partnership key: one instance's share, for answers computed without a streams app. */
    public static InMemoryTimelines of(final Map<String, Timeline> timelines) {
        return new InMemoryTimelines(new TreeMap<>(Objects.requireNonNull(timelines, "timelines")));
    }

    /** Every timeline, by partnership key. */
    public NavigableMap<String, Timeline> asMap() {
        return Collections.unmodifiableNavigableMap(timelines);
    }

    @Override
    public Timeline get(final String key) {
        return timelines.get(Objects.requireNonNull(key, "key"));
    }

    @Override
    public KeyValueIterator<String, Timeline> range(final String from, final String to) {
        final NavigableMap<String, Timeline> range = from == null && to == null ? timelines
                : from == null ? timelines.headMap(to, true)
                : to == null ? timelines.tailMap(from, true) : timelines.subMap(from, true, to, true);
        return iterator(range);
    }

    @Override
    public KeyValueIterator<String, Timeline> all() {
        return iterator(timelines);
    }

    @Override
    public long approximateNumEntries() {
        return timelines.size();
    }

    private static KeyValueIterator<String, Timeline> iterator(final NavigableMap<String, Timeline> entries) {
        final Iterator<Map.Entry<String, Timeline>> each = entries.entrySet().iterator();
        return new KeyValueIterator<>() {

            private Map.Entry<String, Timeline> peeked;

            @Override
            public boolean hasNext() {
                return peeked != null || each.hasNext();
            }

            @Override
            public KeyValue<String, Timeline> next() {
                final Map.Entry<String, Timeline> next = take();
                return KeyValue.pair(next.getKey(), next.getValue());
            }

            @Override
            public String peekNextKey() {
                if (peeked == null) {
                    peeked = take();
                }
                return peeked.getKey();
            }

            @Override
            public void close() {
                // Nothing is held open: the map lives as long as the store.
            }

            private Map.Entry<String, Timeline> take() {
                if (peeked != null) {
                    final Map.Entry<String, Timeline> next = peeked;
                    peeked = null;
                    return next;
                }
                if (!each.hasNext()) {
                    throw new NoSuchElementException();
                }
                return each.next();
            }
        };
    }
}
