package eu.partnershiptracker.benchmark.lookup;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.query.QueryTime;
import eu.partnershiptracker.query.TimelineQueries;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An as-of lookup of one partnership's instrument statuses on a date, the way the HTTP API answers it with
 * {@code events=false} but in-process: the query code's answer, view included, without the HTTP and JSON around it.
 * It is the lookup PostgreSQL answers from its temporal table; the partnership with its event list costs a read of
 * every listed event besides, which PostgreSQL's lookup does not do.
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
        return queries.summary(PartnershipKey.of(actor.name(), counterpart), new QueryTime(asOf, null)).isPresent();
    }
}
