package eu.partnershiptracker.benchmark.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The two queries the comparison times on the temporal table, as prepared statements on one connection: one
 * partnership's instrument statuses on a date (the as-of lookup, through the GiST index), and every partnership's
 * instrument statuses on a date (the snapshot, streamed in batches rather than held in memory).
 */
final class AsOfQueries implements AutoCloseable {

    private static final String COLUMNS = "partnership, instrument_type, instrument_key, status, lower(valid), "
            + "upper(valid)";
    /** Rows per round trip of the streamed snapshot. */
    private static final int SNAPSHOT_FETCH_SIZE = 10_000;

    private final Connection connection;
    private final PreparedStatement lookup;
    private final PreparedStatement snapshot;

    /** Turns autocommit off on {@code connection}: the driver streams a result set only inside a transaction. */
    AsOfQueries(final Connection connection) throws SQLException {
        this.connection = Objects.requireNonNull(connection, "connection");
        connection.setAutoCommit(false);
        this.lookup = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + InstrumentStatusTable.NAME
                + " WHERE partnership = ? AND valid @> ?::date");
        this.snapshot = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + InstrumentStatusTable.NAME
                + " WHERE valid @> ?::date");
        snapshot.setFetchSize(SNAPSHOT_FETCH_SIZE);
    }

    /** The statuses of {@code partnership} that held on {@code asOf}, every row read. */
    List<InstrumentStatusRow> lookup(final String partnership, final LocalDate asOf) throws SQLException {
        lookup.setString(1, Objects.requireNonNull(partnership, "partnership"));
        lookup.setObject(2, Objects.requireNonNull(asOf, "asOf"));
        final List<InstrumentStatusRow> rows = new ArrayList<>();
        try (ResultSet result = lookup.executeQuery()) {
            while (result.next()) {
                rows.add(row(result));
            }
        }
        return rows;
    }

    /** Hands every status that held on {@code asOf} to {@code sink} as it is read, and returns how many there were. */
    long snapshot(final LocalDate asOf, final Consumer<InstrumentStatusRow> sink) throws SQLException {
        snapshot.setObject(1, Objects.requireNonNull(asOf, "asOf"));
        Objects.requireNonNull(sink, "sink");
        long rows = 0;
        try (ResultSet result = snapshot.executeQuery()) {
            while (result.next()) {
                sink.accept(row(result));
                rows++;
            }
        }
        connection.commit();
        return rows;
    }

    private static InstrumentStatusRow row(final ResultSet result) throws SQLException {
        return new InstrumentStatusRow(result.getString(1), result.getString(2), result.getString(3),
                result.getString(4), result.getObject(5, LocalDate.class), result.getObject(6, LocalDate.class));
    }

    @Override
    public void close() throws SQLException {
        try (lookup; snapshot) {
            connection.commit();
        }
    }
}
