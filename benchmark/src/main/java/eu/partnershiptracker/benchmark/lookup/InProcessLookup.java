package eu.partnershiptracker.benchmark.lookup;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.query.QueryTime;
import eu.partnershiptracker.query.TimelineQueries;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An as-of lookup the way the HTTP API answers it in-process: the query code's answer for one partnership, view
 * included, without the HTTP and JSON around it.
 */
public final class InProcessLookup implements LookupTarget {

    private final TimelineQueries queries;

    public InProcessLookup(final TimelineQueries queries) {
        this.queries = Objects.requireNonNull(queries, "queries");
    }

    @Override
    public String name() {
        return "in-process";
    }

    @Override
    public boolean lookup(final Actor actor, final String counterpart, final LocalDate asOf) {
        return queries.partnership(PartnershipKey.of(actor.name(), counterpart), new QueryTime(asOf, null)).isPresent();
    }
}
