package eu.partnershiptracker.benchmark.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query side's yardstick: the same facts as the tracker's in a PostgreSQL temporal table, and the same as-of lookup
 * (one partnership's instrument statuses on a date) and snapshot (every partnership's on a date) timed there. It starts
 * its own cluster under the work directory for the run and stops it before returning, whatever happens.
 */
public final class PostgresComparison {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresComparison.class);
    /** Untimed lookups first: the plan is cached and the table's pages are in memory, as on the tracker's side. */
    private static final int MAX_WARM_UP_LOOKUPS = 2_000;
    /** Odd, so that the median is one of the runs; one more untimed run goes before them. */
    private static final int SNAPSHOT_RUNS = 5;
    private static final int SIGNIFICANT_DIGITS = 3;

    private PostgresComparison() {
    }

    /**
     * Loads {@code rows} into a new cluster under {@code workDir}, times {@code lookups} as-of lookups cycling through
     * {@code lookupKeys} and a few snapshots, all as of {@code asOf}, and stops the cluster.
     *
     * @throws IllegalStateException if PostgreSQL is not installed, does not start, or a query fails
     */
    public static PostgresFigures run(final Path workDir, final List<InstrumentStatusRow> rows, final LocalDate asOf,
                                      final List<String> lookupKeys, final int lookups) {
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(lookupKeys, "lookupKeys");
        if (lookupKeys.isEmpty()) {
            throw new IllegalArgumentException("lookupKeys is empty: at least one partnership to look up is needed");
        }
        if (lookups < 1) {
            throw new IllegalArgumentException("lookups must be positive: " + lookups);
        }
        final PostgresBinaries binaries = PostgresBinaries.require();
        try (PostgresCluster cluster = PostgresCluster.start(binaries, workDir);
             Connection connection = cluster.dataSource().getConnection()) {
            final InstrumentStatusTable.Load load = InstrumentStatusTable.createAndLoad(connection, rows);
            LOG.info("PostgreSQL: {} instrument status rows loaded in {} s", load.rows(),
                    String.format("%.2f", load.seconds()));
            try (AsOfQueries queries = new AsOfQueries(connection)) {
                final Histogram latencies = lookupLatencies(queries, asOf, lookupKeys, lookups);
                final Snapshots snapshots = snapshots(queries, asOf);
                return new PostgresFigures(micros(latencies.getValueAtPercentile(50)),
                        micros(latencies.getValueAtPercentile(99)), snapshots.medianMillis(), snapshots.rows(),
                        load.rows(), load.seconds());
            }
        } catch (final SQLException e) {
            throw new IllegalStateException("PostgreSQL comparison failed: " + e.getMessage(), e);
        }
    }

    private static Histogram lookupLatencies(final AsOfQueries queries, final LocalDate asOf,
                                             final List<String> lookupKeys, final int lookups) throws SQLException {
        for (int i = 0; i < Math.min(lookups, MAX_WARM_UP_LOOKUPS); i++) {
            queries.lookup(lookupKeys.get(i % lookupKeys.size()), asOf);
        }
        final Histogram latencies = new Histogram(SIGNIFICANT_DIGITS);
        for (int i = 0; i < lookups; i++) {
            final String partnership = lookupKeys.get(i % lookupKeys.size());
            final long started = System.nanoTime();
            queries.lookup(partnership, asOf);
            latencies.recordValue(System.nanoTime() - started);
        }
        return latencies;
    }

    /** How many rows a snapshot read (the same in every run) and the median time of the timed runs. */
    private record Snapshots(long rows, double medianMillis) {
    }

    private static Snapshots snapshots(final AsOfQueries queries, final LocalDate asOf) throws SQLException {
        queries.snapshot(asOf, row -> { });
        final double[] millis = new double[SNAPSHOT_RUNS];
        long rows = 0;
        for (int run = 0; run < SNAPSHOT_RUNS; run++) {
            final long started = System.nanoTime();
            rows = queries.snapshot(asOf, row -> { });
            millis[run] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return new Snapshots(rows, millis[SNAPSHOT_RUNS / 2]);
    }

    private static double micros(final long nanos) {
        return nanos / 1e3;
    }
}
