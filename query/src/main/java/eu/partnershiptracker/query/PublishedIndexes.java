package eu.partnershiptracker.query;

import eu.partnershiptracker.core.index.EntryLookup;
import eu.partnershiptracker.core.index.PartnershipIndex;
import eu.partnershiptracker.streams.PartnershipRows;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The indexes the streams application's tasks publish for some of its partitions, with the rows they list events from:
 * the share {@link LocalStore} hands to {@link TimelineQueries} when every partition it answers for has its index.
 */
final class PublishedIndexes implements IndexedShare {

    /**
     * One partition's indexes and its own rows: a partnership's events are read from its partition's store alone, not
     * looked for in each store of the instance in turn.
     */
    record Partition(Map<String, PartnershipIndex> indexes, PartnershipRows rows) {

        Partition {
            Objects.requireNonNull(indexes, "indexes");
            Objects.requireNonNull(rows, "rows");
        }
    }

    private final List<Partition> partitions;

    PublishedIndexes(final List<Partition> partitions) {
        this.partitions = List.copyOf(Objects.requireNonNull(partitions, "partitions"));
    }

    @Override
    public Optional<PartnershipIndex> index(final String partnership) {
        Objects.requireNonNull(partnership, "partnership");
        return partitionOf(partnership).map(partition -> partition.indexes().get(partnership));
    }

    /** The partnership's events, from its partition's rows; a partnership of none of them has none. */
    @Override
    public EntryLookup entries(final String partnership) {
        Objects.requireNonNull(partnership, "partnership");
        return partitionOf(partnership).map(partition -> partition.rows().lookup(partnership))
                .orElse(eventId -> Optional.empty());
    }

    @Override
    public void forEach(final BiConsumer<String, PartnershipIndex> action) {
        partitions.forEach(partition -> partition.indexes().forEach(action));
    }

    private Optional<Partition> partitionOf(final String partnership) {
        return partitions.stream().filter(partition -> partition.indexes().containsKey(partnership)).findFirst();
    }
}
