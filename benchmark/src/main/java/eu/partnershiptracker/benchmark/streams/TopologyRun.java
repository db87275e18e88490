package eu.partnershiptracker.benchmark.streams;

import static org.awaitility.Awaitility.await;

import eu.partnershiptracker.benchmark.writes.OutputProfile;
import eu.partnershiptracker.benchmark.writes.TopicWrites;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a streams application over a load already on its input topic and measures it: from start() until its group has
 * committed every input record (exactly-once, so its output is committed too), with what its producers wrote; and a
 * restart from nothing but the changelog.
 */
public final class TopologyRun {

    private static final Logger LOG = LoggerFactory.getLogger(TopologyRun.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(15).toNanos();

    private final Admin admin;
    private final Duration processingLimit;
    private final Duration timeout;

    /**
     * @param processingLimit how long an application may take over the load before it is measured as it stands
     * @param timeout         longest wait for a restarted application to be RUNNING and answer
     */
    public TopologyRun(final Admin admin, final Duration processingLimit, final Duration timeout) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.processingLimit = Objects.requireNonNull(processingLimit, "processingLimit");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Starts {@code app} and returns once its group {@code applicationId} has committed all {@code records} of
     * {@code inputTopic}, or once the time limit has run out (then the figures say how many it had processed, and the
     * application is paused). The caller closes the application.
     */
    public TopologyFigures process(final StreamsApp app, final String applicationId, final String inputTopic,
            final long records) {
        Objects.requireNonNull(app, "app");
        final GroupProgress progress = new GroupProgress(admin, applicationId, inputTopic, timeout);
        try {
            final Map<String, TopicWrites.Written> before = TopicWrites.COUNTED.snapshot();
            final long started = System.nanoTime();
            app.start();
            final boolean complete = awaitCaughtUp(app, progress, applicationId);
            final long finished = System.nanoTime();
            final long processed = records - progress.lag();
            if (!complete) {
                app.pause();
            }
            final Map<String, TopicWrites.Written> written =
                    TopicWrites.between(before, TopicWrites.COUNTED.snapshot());
            final double seconds = (finished - started) / 1e9;
            final double whileRunning = (finished - app.firstRunningNanos()) / 1e9;
            return new TopologyFigures(applicationId, complete, processed, seconds, processed / seconds,
                    (app.firstRunningNanos() - started) / 1e9, processed / whileRunning,
                    OutputProfile.of(Math.max(1, processed), written), app.recordsSentByTopic());
        } catch (final RuntimeException e) {
            app.close();
            throw e;
        } catch (final Exception e) {
            app.close();
            throw new IllegalStateException("cannot measure " + applicationId, e);
        }
    }

    /**
     * Closes {@code app}, deletes its local state, starts a new instance and times its way back to RUNNING and to the
     * first lookup that {@code answers}; returns the new instance (the caller closes it) with the figures.
     */
    public Restored restore(final StreamsApp app, final Function<StateRestoreListener, StreamsApp> restart,
            final Predicate<StreamsApp> answers) {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(answers, "answers");
        app.closeAndWipeState();
        final RestoreListener listener = new RestoreListener();
        final StreamsApp restarted = restart.apply(listener);
        try {
            final long started = System.nanoTime();
            restarted.start();
            restarted.awaitRunning(timeout);
            final double toRunning = (restarted.firstRunningNanos() - started) / 1e9;
            await("a lookup on the restored application").atMost(timeout).pollInterval(Duration.ofMillis(10))
                    .until(() -> answers.test(restarted));
            final double toAnswer = (System.nanoTime() - started) / 1e9;
            return new Restored(restarted, new RestoreFigures(toRunning, toAnswer, listener.restoreSeconds(),
                    listener.restoredRecords()));
        } catch (final RuntimeException e) {
            restarted.close();
            throw e;
        }
    }

    /** The restarted application (the caller closes it) and what was measured. */
    public record Restored(StreamsApp app, RestoreFigures figures) {
    }

    /** True once every input record is committed; false when the time limit runs out first. */
    private boolean awaitCaughtUp(final StreamsApp app, final GroupProgress progress, final String applicationId) {
        final AtomicLong lastReport = new AtomicLong(System.nanoTime());
        try {
            await(applicationId + " to commit every input record").atMost(processingLimit).pollInterval(POLL)
                    .until(() -> {
                        app.checkAlive();
                        final long lag = progress.lag();
                        if (System.nanoTime() - lastReport.get() > PROGRESS_EVERY_NANOS) {
                            lastReport.set(System.nanoTime());
                            LOG.info("{}: {} records still to process", applicationId, lag);
                        }
                        return lag == 0;
                    });
            return true;
        } catch (final ConditionTimeoutException e) {
            LOG.warn("{}: not caught up after {}; measuring what it processed", applicationId, processingLimit);
            return false;
        }
    }
}
