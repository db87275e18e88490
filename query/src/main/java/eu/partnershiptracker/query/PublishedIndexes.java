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

    private final List<Map<String, PartnershipIndex>> partitions;
    private final PartnershipRows rows;

    PublishedIndexes(final List<Map<String, PartnershipIndex>> partitions, final PartnershipRows rows) {
        this.partitions = List.copyOf(Objects.requireNonNull(partitions, "partitions"));
        this.rows = Objects.requireNonNull(rows, "rows");
    }

    @Override
    public Optional<PartnershipIndex> index(final String partnership) {
        Objects.requireNonNull(partnership, "partnership");
        for (final Map<String, PartnershipIndex> partition : partitions) {
            final PartnershipIndex index = partition.get(partnership);
            if (index != null) {
                return Optional.of(index);
            }
        }
        return Optional.empty();
    }

    @Override
    public EntryLookup entries(final String partnership) {
        return rows.lookup(Objects.requireNonNull(partnership, "partnership"));
    }

    @Override
    public void forEach(final BiConsumer<String, PartnershipIndex> action) {
        partitions.forEach(partition -> partition.forEach(action));
    }
}
