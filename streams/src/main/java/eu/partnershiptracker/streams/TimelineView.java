package eu.partnershiptracker.streams;

import eu.partnershiptracker.core.fold.Timeline;
import java.util.Objects;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.internals.StateStoreProvider;

/**
 * The rows store read as the timelines store it replaced, for interactive queries: the query layer keeps asking for a
 * partnership's Timeline and gets it rebuilt from the partnership's rows (a prefix scan), so it reads the same as
 * before the store became rows.
 */
final class TimelineView implements ReadOnlyKeyValueStore<String, Timeline> {

    /** How {@link PartnershipTopology#timelines()} finds the rows stores of this instance's tasks and wraps them. */
    static final QueryableStoreType<ReadOnlyKeyValueStore<String, Timeline>> TYPE = new QueryableStoreType<>() {

        private final QueryableStoreType<ReadOnlyKeyValueStore<Bytes, byte[]>> rows =
                QueryableStoreTypes.keyValueStore();

        @Override
        public boolean accepts(final StateStore stateStore) {
            return rows.accepts(stateStore);
        }

        @Override
        public ReadOnlyKeyValueStore<String, Timeline> create(final StateStoreProvider storeProvider,
                final String storeName) {
            return new TimelineView(PartnershipRows.readOnly(rows.create(storeProvider, storeName)));
        }
    };

    private final PartnershipRows rows;

    private TimelineView(final PartnershipRows rows) {
        this.rows = rows;
    }

    @Override
    public Timeline get(final String partnership) {
        return rows.timeline(Objects.requireNonNull(partnership, "partnership"));
    }

    /** The timelines of the partnerships from {@code from} to {@code to}, both included; null ends are open. */
    @Override
    public KeyValueIterator<String, Timeline> range(final String from, final String to) {
        final KeyValueIterator<String, Timeline> all = rows.timelines();
        return new LookaheadIterator<>(all) {
            @Override
            protected KeyValue<String, Timeline> advance() {
                while (all.hasNext()) {
                    final KeyValue<String, Timeline> candidate = all.next();
                    if ((from == null || candidate.key.compareTo(from) >= 0)
                            && (to == null || candidate.key.compareTo(to) <= 0)) {
                        return candidate;
                    }
                }
                return null;
            }
        };
    }

    @Override
    public KeyValueIterator<String, Timeline> all() {
        return rows.timelines();
    }

    /** The rows' estimate, which counts every row of every partnership: an upper bound, as the interface allows. */
    @Override
    public long approximateNumEntries() {
        return rows.approximateNumEntries();
    }
}
