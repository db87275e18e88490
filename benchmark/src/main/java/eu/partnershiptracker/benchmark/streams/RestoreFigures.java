package eu.partnershiptracker.benchmark.streams;

/**
 * A restart with the local state deleted: seconds from start() to RUNNING, the restore proper as the restore listener
 * saw it, the changelog records it replayed, and the partnerships in the store afterwards.
 */
public record RestoreFigures(double secondsToRunning, double restoreSeconds, long restoredRecords,
        long partnershipsInStore) {
}
