package eu.partnershiptracker.benchmark.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The comparison on a real PostgreSQL cluster, started with this machine's initdb and pg_ctl: lookups and snapshots
 * answer exactly the statuses valid on the day under '[)' ranges, names arrive verbatim through COPY, and no server
 * outlives the run.
 */
class PostgresComparisonTest {

    private static final LocalDate ORIGIN = LocalDate.of(2019, 1, 1);
    private static final Comparator<InstrumentStatusRow> ORDER = Comparator
            .comparing(InstrumentStatusRow::partnership)
            .thenComparing(InstrumentStatusRow::instrumentType)
            .thenComparing(InstrumentStatusRow::instrumentKey)
            .thenComparing(InstrumentStatusRow::validFrom);
    /** Not a temporary directory of JUnit's: that one is private to root, and the cluster's user must reach it. */
    private static final Path WORK = Path.of("target", "postgres-tests").toAbsolutePath();

    @BeforeEach
    void requirePostgres() throws IOException {
        assumeTrue(PostgresBinaries.find().isPresent(), "PostgreSQL's initdb and pg_ctl are not installed (not on PATH "
                + "nor in /usr/lib/postgresql/*/bin): skipping the PostgreSQL comparison tests");
        FileUtils.deleteDirectory(WORK.toFile());
        Files.createDirectories(WORK);
    }

    @Test
    void lookupsAndSnapshotsReturnExactlyTheStatusesValidOnTheDay() throws Exception {
        final List<InstrumentStatusRow> rows = rows(40, new Random(12));
        final List<String> partnerships = rows.stream().map(InstrumentStatusRow::partnership).distinct().toList();
        final List<LocalDate> days = boundaryDays(rows);
        final Path dataDirectory;
        try (PostgresCluster cluster = PostgresCluster.start(PostgresBinaries.require(), WORK)) {
            dataDirectory = cluster.dataDirectory();
            assertThat(serversOf(dataDirectory)).as("the running server is seen by the process check").isNotEmpty();
            try (Connection connection = cluster.dataSource().getConnection()) {
                assertThat(InstrumentStatusTable.createAndLoad(connection, rows).rows()).isEqualTo(rows.size());
                try (AsOfQueries queries = new AsOfQueries(connection)) {
                    for (final LocalDate day : days) {
                        for (final String partnership : partnerships) {
                            assertThat(sorted(queries.lookup(partnership, day)))
                                    .as("%s as of %s", partnership, day)
                                    .isEqualTo(sorted(rows.stream().filter(row -> row.partnership().equals(partnership)
                                            && validOn(row, day)).toList()));
                        }
                        final List<InstrumentStatusRow> snapshot = new ArrayList<>();
                        assertThat(queries.snapshot(day, snapshot::add)).isEqualTo(snapshot.size());
                        assertThat(sorted(snapshot)).as("snapshot as of %s", day)
                                .isEqualTo(sorted(rows.stream().filter(row -> validOn(row, day)).toList()));
                    }
                }
            }
        }
        assertThat(serversOf(dataDirectory)).as("servers left running").isEmpty();
        assertThat(dataDirectory).doesNotExist();
    }

    @Test
    void runMeasuresOnItsOwnClusterAndStopsIt() {
        final List<InstrumentStatusRow> rows = rows(400, new Random(5));
        final LocalDate asOf = ORIGIN.plusYears(2);
        final List<String> keys = rows.stream().map(InstrumentStatusRow::partnership).distinct().toList();

        final PostgresFigures figures = PostgresComparison.run(WORK, rows, asOf, keys, 5_000);

        System.out.printf("PostgreSQL comparison: %d rows loaded in %.2f s; as-of lookup p50 %.0f µs, p99 %.0f µs; "
                        + "snapshot of %d rows %.1f ms%n", figures.rowsLoaded(), figures.loadSeconds(),
                figures.asOfLookupP50Micros(), figures.asOfLookupP99Micros(), figures.snapshotRows(),
                figures.snapshotMillis());
        assertThat(figures.rowsLoaded()).isEqualTo(rows.size());
        assertThat(figures.snapshotRows()).isEqualTo(rows.stream().filter(row -> validOn(row, asOf)).count());
        assertThat(figures.asOfLookupP50Micros()).isPositive();
        assertThat(figures.asOfLookupP99Micros()).isGreaterThanOrEqualTo(figures.asOfLookupP50Micros());
        assertThat(figures.snapshotMillis()).isPositive();
        assertThat(figures.loadSeconds()).isPositive();
        assertThat(serversOf(WORK)).as("servers left running").isEmpty();
    }

    @Test
    void failedStartNamesTheProgramAndQuotesItsOutput() throws IOException {
        final Path pgCtl = WORK.resolve("pg_ctl");
        Files.writeString(pgCtl, "#!/bin/sh\necho 'pg_ctl: could not start server (simulated)'\nexit 1\n");
        Files.setPosixFilePermissions(pgCtl, PosixFilePermissions.fromString("rwxr-xr-x"));
        final PostgresBinaries broken = new PostgresBinaries(PostgresBinaries.require().initdb(), pgCtl);

        assertThatThrownBy(() -> PostgresCluster.start(broken, WORK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(pgCtl + " exited with code 1")
                .hasMessageContaining("last lines of")
                .hasMessageContaining("could not start server (simulated)");
        assertThat(serversOf(WORK)).as("servers left running").isEmpty();
    }

    @Test
    void runWithoutPartnershipsToLookUpIsRejected() {
        assertThatThrownBy(() -> PostgresComparison.run(WORK, List.of(), ORIGIN, List.of(), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lookupKeys");
        assertThatThrownBy(() -> PostgresComparison.run(WORK, List.of(), ORIGIN, List.of("EU-NATO"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lookups");
    }

    /** The oracle: '[)' ranges, an open end holds for ever. */
    private static boolean validOn(final InstrumentStatusRow row, final LocalDate day) {
        return !day.isBefore(row.validFrom()) && (row.validTo() == null || day.isBefore(row.validTo()));
    }

    /**
     * Per partnership two or three instruments, each a run of consecutive statuses: some superseded on their first day
     * (an empty range), the last one open-ended or closed. One partnership's name needs quoting in CSV.
     */
    private static List<InstrumentStatusRow> rows(final int partnerships, final Random random) {
        final List<String> names = new ArrayList<>(IntStream.range(0, partnerships - 1)
                .mapToObj(i -> String.format("P-%04d", i)).toList());
        names.add("EU, \"NATO\"\nand the \\ rest");
        final List<InstrumentStatusRow> rows = new ArrayList<>();
        for (final String name : names) {
            final int instruments = 2 + random.nextInt(2);
            for (int instrument = 0; instrument < instruments; instrument++) {
                LocalDate from = ORIGIN.plusDays(random.nextInt(900));
                final int statuses = 1 + random.nextInt(4);
                for (int status = 0; status < statuses; status++) {
                    final boolean last = status == statuses - 1;
                    final LocalDate to = last && random.nextBoolean() ? null
                            : from.plusDays(random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(400));
                    rows.add(new InstrumentStatusRow(name, instrument % 2 == 0 ? "agreement" : "mission",
                            "instrument-" + instrument, "status-" + status, from, to));
                    from = to;
                }
            }
        }
        return rows;
    }

    /** Every first day, every end day and the day before it, and a day before and after all of them. */
    private static List<LocalDate> boundaryDays(final List<InstrumentStatusRow> rows) {
        final TreeSet<LocalDate> days = new TreeSet<>();
        for (final InstrumentStatusRow row : rows) {
            days.add(row.validFrom());
            if (row.validTo() != null) {
                days.add(row.validTo());
                days.add(row.validTo().minusDays(1));
            }
        }
        days.add(days.first().minusDays(1));
        days.add(days.last().plusYears(10));
        return List.copyOf(days);
    }

    private static List<InstrumentStatusRow> sorted(final List<InstrumentStatusRow> rows) {
        return rows.stream().sorted(ORDER).toList();
    }

    /** Processes whose command line names {@code directory}: the postmaster runs as "postgres -D <data>". */
    private static List<ProcessHandle> serversOf(final Path directory) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(directory.toString()))
                        .orElse(false))
                .toList();
    }
}
