package eu.partnershiptracker.benchmark.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The temporal table of the PostgreSQL comparison: one row per instrument status with its valid range as a
 * {@code daterange} ({@code '[)'}: from inclusive, to exclusive, no upper bound when open-ended), and a GiST index on
 * partnership and range (btree_gist lets a GiST index hold the text column), so that one partnership as of a date is an
 * index lookup. Rows are loaded with COPY; the index is built after the load and the table analysed, as a bulk load
 * would do it.
 */
final class InstrumentStatusTable {

    static final String NAME = "instrument_status";
    /** About 1 MB of CSV per write into the COPY stream. */
    private static final int COPY_CHUNK_CHARS = 1 << 20;

    /** How many rows the load wrote and how long it took, COPY, index and ANALYZE together. */
    record Load(long rows, double seconds) {
    }

    private InstrumentStatusTable() {
    }

    static Load createAndLoad(final Connection connection, final List<InstrumentStatusRow> rows) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(rows, "rows");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS btree_gist");
            statement.execute("CREATE TABLE " + NAME + " (partnership text NOT NULL, instrument_type text NOT NULL, "
                    + "instrument_key text NOT NULL, status text NOT NULL, valid daterange NOT NULL)");
        }
        final long started = System.nanoTime();
        final long copied = copy(connection, rows);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX " + NAME + "_as_of ON " + NAME + " USING gist (partnership, valid)");
            statement.execute("ANALYZE " + NAME);
        }
        return new Load(copied, (System.nanoTime() - started) / 1e9);
    }

    private static long copy(final Connection connection, final List<InstrumentStatusRow> rows) throws SQLException {
        final CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + NAME
                + " (partnership, instrument_type, instrument_key, status, valid) FROM STDIN (FORMAT csv)");
        try {
            final StringBuilder chunk = new StringBuilder(COPY_CHUNK_CHARS + 1024);
            for (final InstrumentStatusRow row : rows) {
                appendCsv(chunk, row);
                if (chunk.length() >= COPY_CHUNK_CHARS) {
                    write(copy, chunk);
                }
            }
            write(copy, chunk);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void write(final CopyIn copy, final StringBuilder chunk) throws SQLException {
        final byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }

    /** Every field quoted, so that commas, quotes and line breaks in names arrive as they are. */
    private static void appendCsv(final StringBuilder csv, final InstrumentStatusRow row) {
        quoted(csv, row.partnership()).append(',');
        quoted(csv, row.instrumentType()).append(',');
        quoted(csv, row.instrumentKey()).append(',');
        quoted(csv, row.status()).append(',');
        quoted(csv, "[" + row.validFrom() + "," + (row.validTo() == null ? "" : row.validTo()) + ")").append('\n');
    }

    private static StringBuilder quoted(final StringBuilder csv, final String value) {
        return csv.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
