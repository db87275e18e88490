package eu.partnershiptracker.benchmark.postgres;

/**
 * What the PostgreSQL comparison measured: as-of lookups of one partnership (percentiles in microseconds), the median
 * snapshot of every partnership and how many rows it read, and how many rows were loaded in how long (COPY, index and
 * ANALYZE together).
 */
public record PostgresFigures(double asOfLookupP50Micros, double asOfLookupP99Micros, double snapshotMillis,
        long snapshotRows, long rowsLoaded, double loadSeconds) {
}
