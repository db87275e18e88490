package eu.partnershiptracker.query.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A probe reports its latest answer only while that answer is fresh, so a probe that stopped cannot stay UP. */
class ProbeTest {

    private static final Duration MAX_AGE = Duration.ofSeconds(8);

    @Test
    void anAnswerCountsUntilItIsOlderThanItsMaximumAge() {
        final AtomicLong now = new AtomicLong(1_000);
        final Probe probe = new Probe("kafka", () -> Map.of("nodes", "1"), MAX_AGE, now::get);
        assertThat(probe.latest().status()).isEqualTo(Check.Status.DOWN);
        assertThat(probe.latest().data()).containsEntry("error", "not checked yet");

        probe.check();
        now.addAndGet(MAX_AGE.toNanos());
        assertThat(probe.latest()).isEqualTo(new Check("kafka", Check.Status.UP, Map.of("nodes", "1")));

        now.addAndGet(1);
        final Check stale = probe.latest();
        assertThat(stale.status()).isEqualTo(Check.Status.DOWN);
        assertThat(stale.data().get("error"))
                .contains("for 8000 ms", "stuck or has stopped", "the last answer was UP");

        probe.check();
        assertThat(probe.latest().status()).isEqualTo(Check.Status.UP);
    }

    @Test
    void aFailedCheckIsDownWithItsReason() {
        final Probe probe = new Probe("registry", () -> {
            throw new IllegalStateException("registry at http://r answered 503");
        }, MAX_AGE, () -> 0L);
        probe.check();
        assertThat(probe.latest()).isEqualTo(Check.down("registry", "registry at http://r answered 503"));
    }

    @Test
    void aScheduleThatDiedTurnsDownInsteadOfKeepingItsLastUp() {
        final AtomicInteger checks = new AtomicInteger();
        final Probe probe = new Probe("kafka", () -> {
            if (checks.incrementAndGet() > 1) {
                // An Error is not caught, so it ends the schedule, as a hung call would stop it from answering.
                throw new AssertionError("the probe's thread is gone");
            }
            return Map.of();
        }, Duration.ofMillis(500));
        final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            probe.schedule(scheduler, Duration.ofMillis(50));
            await("the failing second check").atMost(Duration.ofSeconds(5)).until(() -> checks.get() == 2);
            await("the stale answer reported DOWN").atMost(Duration.ofSeconds(5))
                    .until(() -> probe.latest().status() == Check.Status.DOWN);
            assertThat(probe.latest().data().get("error"))
                    .contains("stuck or has stopped", "the last answer was UP");
            assertThat(checks).hasValue(2);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
