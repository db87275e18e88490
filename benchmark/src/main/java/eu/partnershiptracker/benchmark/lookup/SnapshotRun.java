package eu.partnershiptracker.benchmark.lookup;

import eu.partnershiptracker.query.PartnershipFilter;
import eu.partnershiptracker.query.QueryTime;
import eu.partnershiptracker.query.TimelineQueries;
import java.time.LocalDate;
import java.util.Objects;

/** Times an as-of snapshot of every partnership in-process: the query code's answer to GET /api/partnerships?asOf=. */
public final class SnapshotRun {

    private final TimelineQueries queries;

    public SnapshotRun(final TimelineQueries queries) {
        this.queries = Objects.requireNonNull(queries, "queries");
    }

    /** @param runs how many snapshots to time; odd, so that the median is one of them */
    public SnapshotTimes measure(final LocalDate asOf, final int runs) {
        Objects.requireNonNull(asOf, "asOf");
        if (runs < 1 || runs % 2 == 0) {
            throw new IllegalArgumentException("runs must be odd and positive: " + runs);
        }
        final double[] millis = new double[runs];
        long partnerships = 0;
        for (int run = 0; run < runs; run++) {
            final long started = System.nanoTime();
            partnerships = queries.partnerships(new QueryTime(asOf, null), PartnershipFilter.ALL).count();
            millis[run] = (System.nanoTime() - started) / 1e6;
        }
        return SnapshotTimes.of("in-process", asOf, partnerships, 0, millis);
    }
}
