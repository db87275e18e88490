package eu.partnershiptracker.query.health;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Whether a dependency answered its latest check. The check runs in the background every interval, so that a health
 * request never waits on a dependency and a burst of requests never becomes a burst of calls to it. An answer older
 * than its maximum age counts as DOWN: a probe that stopped running, or hangs, must not keep reporting its last UP.
 */
final class Probe {

    /** Asks the dependency once, within its own short timeout; throws when it cannot be reached or fails. */
    interface Reach {
        Map<String, String> ask() throws Exception;
    }

    /** A check and when it was taken, on {@link System#nanoTime()}'s scale. */
    private record Answer(Check check, long takenAtNanos) {
    }

    private final String name;
    private final Reach reach;
    private final Duration maxAge;
    private final LongSupplier nanoTime;
    private final AtomicReference<Answer> latest;

    /** @param maxAge how long an answer stays valid: the interval plus the longest a check may take, with slack */
    Probe(final String name, final Reach reach, final Duration maxAge) {
        this(name, reach, maxAge, System::nanoTime);
    }

    Probe(final String name, final Reach reach, final Duration maxAge, final LongSupplier nanoTime) {
        this.name = Objects.requireNonNull(name, "name");
        this.reach = Objects.requireNonNull(reach, "reach");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.latest = new AtomicReference<>(new Answer(Check.down(name, "not checked yet"), nanoTime.getAsLong()));
    }

    /** Checks now, then every {@code interval} after the previous check ended, on {@code scheduler}. */
    void schedule(final ScheduledExecutorService scheduler, final Duration interval) {
        scheduler.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The latest answer, or DOWN when it is older than the maximum age. */
    Check latest() {
        final Answer answer = latest.get();
        final Duration age = Duration.ofNanos(nanoTime.getAsLong() - answer.takenAtNanos());
        if (age.compareTo(maxAge) <= 0) {
            return answer.check();
        }
        return Check.down(name, "no check has ended for " + age.toMillis() + " ms, longer than the "
                + maxAge.toMillis() + " ms an answer counts (the probe is stuck or has stopped); the last answer was "
                + answer.check().status());
    }

    /** Never throws: an exception would end the schedule, and the probe would report its last answer forever. */
    void check() {
        try {
            record(new Check(name, Check.Status.UP, reach.ask()));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final Exception e) {
            record(Check.down(name, describe(e)));
        }
    }

    private void record(final Check check) {
        latest.set(new Answer(check, nanoTime.getAsLong()));
    }

    private static String describe(final Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof ExecutionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        final String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
