package eu.partnershiptracker.benchmark.streams;

/**
 * A restart with the local state deleted: seconds from start() to RUNNING and until the first as-of lookup answered,
 * the restore proper as the restore listener saw it, and the changelog records it replayed.
 */
public record RestoreFigures(double secondsToRunning, double secondsToFirstAnswer, double restoreSeconds,
        long restoredRecords) {
}
