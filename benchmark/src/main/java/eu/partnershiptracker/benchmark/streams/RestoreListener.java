package eu.partnershiptracker.benchmark.streams;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Counts what Kafka Streams restores from store changelogs, and when: the first restore start and the last restore end
 * bound the restore proper, apart from the application's start-up and rebalance.
 */
public final class RestoreListener implements StateRestoreListener {

    private final AtomicLong restoredRecords = new AtomicLong();
    private final AtomicLong firstStartNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastEndNanos = new AtomicLong(Long.MIN_VALUE);

    @Override
    public void onRestoreStart(final TopicPartition partition, final String storeName, final long startingOffset,
            final long endingOffset) {
        firstStartNanos.accumulateAndGet(System.nanoTime(), Math::min);
    }

    @Override
    public void onBatchRestored(final TopicPartition partition, final String storeName, final long batchEndOffset,
            final long numRestored) {
        restoredRecords.addAndGet(numRestored);
    }

    @Override
    public void onRestoreEnd(final TopicPartition partition, final String storeName, final long totalRestored) {
        lastEndNanos.accumulateAndGet(System.nanoTime(), Math::max);
    }

    public long restoredRecords() {
        return restoredRecords.get();
    }

    /** From the first restore start to the last restore end; 0 when nothing was restored. */
    public double restoreSeconds() {
        final long start = firstStartNanos.get();
        final long end = lastEndNanos.get();
        return start == Long.MAX_VALUE || end < start ? 0 : (end - start) / 1e9;
    }
}
