package eu.partnershiptracker.benchmark.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches this JVM's heap while the topology works: the highest heap use seen (live data and garbage not yet collected,
 * sampled every 100 ms), then the heap still used after a full GC (what the application really retains), and the
 * process's resident memory, which also counts RocksDB's off-heap memory, and the time the collectors took since the
 * sampler started.
 */
public final class HeapSampler implements AutoCloseable {

    private static final long PERIOD_MILLIS = 100;

    private final AtomicLong maxUsed = new AtomicLong();
    private final long gcMillisAtStart = gcMillis();
    private final long gcCountAtStart = gcCount();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        final Thread thread = new Thread(task, "heap-sampler");
        thread.setDaemon(true);
        return thread;
    });

    public static HeapSampler start() {
        final HeapSampler heap = new HeapSampler();
        heap.sampler.scheduleAtFixedRate(() -> heap.maxUsed.accumulateAndGet(used(), Math::max), 0, PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
        return heap;
    }

    public long maxUsedBytes() {
        return maxUsed.accumulateAndGet(used(), Math::max);
    }

    /** Milliseconds all collectors spent since the sampler started (concurrent phases included, as the JVM counts). */
    public long gcMillisSinceStart() {
        return gcMillis() - gcMillisAtStart;
    }

    public long gcCountSinceStart() {
        return gcCount() - gcCountAtStart;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(millis -> millis > 0).sum();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(count -> count > 0).sum();
    }

    /** Heap used after a full collection (System.gc() honoured: the benchmark runs without -XX:+DisableExplicitGC). */
    public static long usedAfterGcBytes() {
        System.gc();
        System.gc();
        return used();
    }

    public static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /** VmRSS from /proc/self/status; -1 where there is no /proc (the benchmark targets Linux). */
    public static long residentBytes() {
        final Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try {
            return Files.readAllLines(status).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst()
                    .orElse(-1L);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + status, e);
        }
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
