package eu.partnershiptracker.query.health;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether a dependency answered its latest check. The check runs in the background every interval, so that a health
 * request never waits on a dependency and a burst of requests never becomes a burst of calls to it.
 */
final class Probe {

    /** Asks the dependency once, within its own short timeout; throws when it cannot be reached or fails. */
    interface Reach {
        Map<String, String> ask() throws Exception;
    }

    private final String name;
    private final Reach reach;
    private final AtomicReference<Check> latest;

    Probe(final String name, final Reach reach) {
        this.name = Objects.requireNonNull(name, "name");
        this.reach = Objects.requireNonNull(reach, "reach");
        this.latest = new AtomicReference<>(Check.down(name, "not checked yet"));
    }

    /** Checks now, then every {@code interval} after the previous check ended, on {@code scheduler}. */
    void schedule(final ScheduledExecutorService scheduler, final Duration interval) {
        scheduler.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    Check latest() {
        return latest.get();
    }

    /** Never throws: an exception would end the schedule, and the probe would report its last answer forever. */
    void check() {
        try {
            latest.set(new Check(name, Check.Status.UP, reach.ask()));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final Exception e) {
            latest.set(Check.down(name, describe(e)));
        }
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
