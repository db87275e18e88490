package eu.partnershiptracker.quality;

import eu.partnershiptracker.core.fold.PartnershipFold;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.model.Conflict;
import eu.partnershiptracker.model.PartnershipState;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.query.InMemoryIndexes;
import eu.partnershiptracker.query.InMemoryTimelines;
import eu.partnershiptracker.query.TimelineQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The dataset read the way the streams application reads the events topic: one {@link Timeline} per partnership, in
 * file order, in a store the API's {@link TimelineQueries} read. Corrections and conflicts are therefore resolved by
 * the streams code itself, never by a second implementation that could drift from it.
 */
public final class PartnershipTimelines {

    /** A conflict of one partnership, as the streams fold reports it. */
    public record PartnershipConflict(String partnership, Conflict conflict) {

        public PartnershipConflict {
            Objects.requireNonNull(partnership, "partnership");
            Objects.requireNonNull(conflict, "conflict");
        }
    }

    private final InMemoryTimelines store;
    private final Map<String, Timeline> timelines;
    private final InMemoryIndexes indexes;

    private PartnershipTimelines(final InMemoryTimelines store) {
        this.store = store;
        this.timelines = store.asMap();
        this.indexes = InMemoryIndexes.of(timelines);
    }

    public static PartnershipTimelines of(final List<PolicyEvent> events) {
        return new PartnershipTimelines(InMemoryTimelines.of(events));
    }

    /** The API's queries, over these timelines and their indexes, as the API reads its active partitions. */
    public TimelineQueries queries() {
        return new TimelineQueries(() -> store, () -> Optional.of(indexes));
    }

    /** Every conflict of the current state of every partnership, by partnership key. */
    public List<PartnershipConflict> conflicts() {
        final List<PartnershipConflict> conflicts = new ArrayList<>();
        timelines.forEach((partnership, timeline) -> {
            final PartnershipState state = PartnershipFold.stateAsOf(timeline, null);
            if (state != null) {
                state.getConflicts().forEach(conflict -> conflicts.add(new PartnershipConflict(partnership, conflict)));
            }
        });
        return conflicts;
    }
}
