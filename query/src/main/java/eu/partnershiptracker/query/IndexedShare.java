package eu.partnershiptracker.query;

import eu.partnershiptracker.core.index.EntryLookup;
import eu.partnershiptracker.core.index.PartnershipIndex;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The indexes of the partnerships in one share (a partition, an instance's active partitions, or timelines in memory)
 * and their entries: what {@link TimelineQueries} reads instead of folding timelines, when it has them. A share must
 * hold an index for every partnership of the store it stands beside, so that a partnership missing here is unknown.
 */
public interface IndexedShare {

    /** The partnership's index, empty when the share holds no such partnership. */
    Optional<PartnershipIndex> index(String partnership);

    /** The entries of a partnership of the share, for the events an answer lists. */
    EntryLookup entries(String partnership);

    /** Every partnership of the share with its index, in no particular order. */
    void forEach(BiConsumer<String, PartnershipIndex> action);
}
