package eu.partnershiptracker.benchmark.streams;

import java.util.Map;

/**
 * The topology's run over the load: records per second from start() (start-up and rebalance included) and from the
 * moment it was RUNNING, the partnerships it built, its memory, and the bytes on each topic afterwards. When the time
 * limit ran out first, {@code complete} is false and {@code records} counts the records committed by then.
 */
public record TopologyFigures(boolean complete, long records, double seconds, double recordsPerSecond, double secondsToRunning,
        double recordsPerSecondWhileRunning, long partnershipsInStore, long maxHeapUsedBytes, long heapAfterGcBytes,
        long maxHeapBytes, long residentBytes, Map<String, Long> topicBytes) {
}
