package eu.partnershiptracker.benchmark.streams;

import static org.awaitility.Awaitility.await;

import eu.partnershiptracker.streams.TrackerConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tracker's topology over a load already on the events topic and measures it: from start() until the
 * application's group has committed every input record (exactly-once, so its output is committed too), and again
 * after a restart from nothing but the changelog.
 */
public final class TopologyRun {

    private static final Logger LOG = LoggerFactory.getLogger(TopologyRun.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(15).toNanos();

    private final TrackerConfig config;
    private final Admin admin;
    private final Duration processingLimit;
    private final Duration timeout;

    /**
     * @param processingLimit how long the topology may take over the load before it is measured as it stands
     * @param timeout         longest wait for the restarted application to be RUNNING
     */
    public TopologyRun(final TrackerConfig config, final Admin admin, final Duration processingLimit,
            final Duration timeout) {
        this.config = Objects.requireNonNull(config, "config");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.processingLimit = Objects.requireNonNull(processingLimit, "processingLimit");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Starts the application and returns it once it has processed all {@code records}, or once the time limit has run
     * out (then the figures say how many it had processed, and the application is paused), with its figures.
     */
    public Processed process(final long records) {
        final GroupProgress progress = new GroupProgress(admin, config.applicationId(), config.topics().events());
        final TrackerApp app = TrackerApp.create(config, new RestoreListener());
        try (HeapSampler heap = HeapSampler.start()) {
            final long started = System.nanoTime();
            app.start();
            final boolean complete = awaitCaughtUp(app, progress);
            final long finished = System.nanoTime();
            final long processed = records - progress.lag();
            if (!complete) {
                app.pause();
            }
            final long maxUsed = heap.maxUsedBytes();
            final double seconds = (finished - started) / 1e9;
            final double whileRunning = (finished - app.firstRunningNanos()) / 1e9;
            final TopologyFigures figures = new TopologyFigures(complete, processed, seconds, processed / seconds,
                    (app.firstRunningNanos() - started) / 1e9, processed / whileRunning, app.partnershipKeys().size(),
                    maxUsed, HeapSampler.usedAfterGcBytes(), HeapSampler.maxHeapBytes(), HeapSampler.residentBytes(),
                    TopicSizes.of(admin));
            return new Processed(app, figures);
        } catch (final RuntimeException e) {
            app.close();
            throw e;
        } catch (final Exception e) {
            app.close();
            throw new IllegalStateException("cannot measure the topology", e);
        }
    }

    /** Closes {@code app}, deletes its local state, starts a new instance and times its way back to RUNNING. */
    public Restored restore(final TrackerApp app) {
        Objects.requireNonNull(app, "app");
        app.closeAndWipeState();
        final RestoreListener listener = new RestoreListener();
        final TrackerApp restarted = TrackerApp.create(config, listener);
        try {
            final long started = System.nanoTime();
            restarted.start();
            restarted.awaitRunning(timeout);
            final double seconds = (restarted.firstRunningNanos() - started) / 1e9;
            return new Restored(restarted, new RestoreFigures(seconds, listener.restoreSeconds(),
                    listener.restoredRecords(), restarted.partnershipKeys().size()));
        } catch (final RuntimeException e) {
            restarted.close();
            throw e;
        }
    }

    /** The running application (the caller closes it) and what was measured. */
    public record Processed(TrackerApp app, TopologyFigures figures) {
    }

    /** The restarted application (the caller closes it) and what was measured. */
    public record Restored(TrackerApp app, RestoreFigures figures) {
    }

    /** True once every input record is committed; false when the time limit runs out first. */
    private boolean awaitCaughtUp(final TrackerApp app, final GroupProgress progress) {
        final AtomicLong lastReport = new AtomicLong(System.nanoTime());
        try {
            await("the topology to commit every input record").atMost(processingLimit).pollInterval(POLL)
                    .until(() -> {
                        app.checkAlive();
                        final long lag = progress.lag();
                        if (System.nanoTime() - lastReport.get() > PROGRESS_EVERY_NANOS) {
                            lastReport.set(System.nanoTime());
                            LOG.info("topology: {} records still to process", lag);
                        }
                        return lag == 0;
                    });
            return true;
        } catch (final ConditionTimeoutException e) {
            LOG.warn("topology: not caught up after {}; measuring what it processed", processingLimit);
            return false;
        }
    }
}
