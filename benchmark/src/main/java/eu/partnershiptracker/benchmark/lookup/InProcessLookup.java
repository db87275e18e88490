package eu.partnershiptracker.benchmark.lookup;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.core.fold.PartnershipFold;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.model.Actor;
import java.time.LocalDate;
import java.util.Objects;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** An as-of lookup the way the query API does it in-process: a store get, then a fold of the timeline as of the date. */
public final class InProcessLookup implements LookupTarget {

    private final ReadOnlyKeyValueStore<String, Timeline> timelines;

    public InProcessLookup(final ReadOnlyKeyValueStore<String, Timeline> timelines) {
        this.timelines = Objects.requireNonNull(timelines, "timelines");
    }

    @Override
    public String name() {
        return "in-process";
    }

    @Override
    public boolean lookup(final Actor actor, final String counterpart, final LocalDate asOf) {
        final Timeline timeline = timelines.get(PartnershipKey.of(actor.name(), counterpart));
        return timeline != null && PartnershipFold.stateAsOf(timeline, asOf) != null;
    }
}
