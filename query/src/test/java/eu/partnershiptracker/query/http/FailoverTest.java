package eu.partnershiptracker.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.partnershiptracker.query.routing.InstanceClient;
import eu.partnershiptracker.query.service.TrackerService;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on the real broker, one of them in a JVM of its own that the test stops: the other keeps answering for
 * every partnership. A planned stop (SIGTERM) leaves the group at once, so no partnership answers anything but 200 for
 * more than 5 s, and the survivor owns everything well before the session timeout; after a SIGKILL the survivor answers
 * the dead instance's partnerships, and queries over all of them, from its standby copies at once, marked stale,
 * although the group only notices the death at the session timeout.
 */
@ExtendWith(RealInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverTest {

    private static final Duration LONGEST_OUTAGE = Duration.ofSeconds(5);
    private static final Duration WATCH = Duration.ofSeconds(15);
    private static final Duration STARTUP = Duration.ofMinutes(2);

    private static TrackerFixture fixture;
    private static TrackerService survivor;

    @TempDir
    Path dir;

    private Process other;

    /** What the survivor answered for one partnership while watched. */
    private record Watched(Duration longestOutage, boolean staleSeen, int answers) {
    }

    @BeforeAll
    static void start(final Infrastructure infrastructure) {
        fixture = new TrackerFixture(infrastructure, 4);
        survivor = fixture.startService();
        // The first change registers the output schemas before a second instance could race to register them.
        fixture.publish(TrackerFixture.sdpSigned(TrackerFixture.PARTNERSHIPS.get(0), 1));
        fixture.awaitCommittedChange(survivor, "sdp-" + TrackerFixture.PARTNERSHIPS.get(0));
        for (int i = 1; i < TrackerFixture.PARTNERSHIPS.size(); i++) {
            fixture.publish(TrackerFixture.sdpSigned(TrackerFixture.PARTNERSHIPS.get(i), i + 1));
        }
        TrackerFixture.PARTNERSHIPS.forEach(key -> TrackerFixture.awaitEvent(survivor, key, "sdp-" + key));
    }

    @AfterEach
    void killOther() {
        if (other != null) {
            other.destroyForcibly();
        }
    }

    @AfterAll
    static void stop() {
        survivor.close();
        fixture.close();
    }

    @Test
    @Order(1)
    void aPlannedStopLeavesNoPartnershipUnansweredForMoreThanFiveSeconds() throws Exception {
        final int port = startOther();
        final Set<String> moved = awaitSharedWith(port);

        other.destroy();
        final Map<String, Watched> watched = watch();

        assertThat(other.waitFor(1, TimeUnit.MINUTES)).as("the stopped instance exits").isTrue();
        report("SIGTERM", moved, watched);
        watched.forEach((key, seen) -> assertThat(seen.longestOutage()).as(key).isLessThanOrEqualTo(LONGEST_OUTAGE));
        // Well within the 45 s session timeout after which the group would drop an instance that did not leave it.
        await("the survivor owns every partnership, answering current data").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> {
                    for (final String key : TrackerFixture.PARTNERSHIPS) {
                        final TrackerFixture.Reply reply = TrackerFixture.get(survivor, path(key));
                        assertThat(reply.status()).as(key).isEqualTo(200);
                        assertThat(answeredBy(reply)).as(key).endsWith(":" + survivor.httpPort());
                        assertThat(reply.headers().firstValue(InstanceClient.STALE_HEADER)).as(key).isEmpty();
                    }
                });
    }

    @Test
    @Order(2)
    void afterASigkillTheSurvivorAnswersFromItsStandbyCopiesMarkedStale() throws Exception {
        final int port = startOther();
        final Set<String> moved = awaitSharedWith(port);

        other.destroyForcibly();
        assertThat(other.waitFor(1, TimeUnit.MINUTES)).isTrue();
        final Map<String, Watched> watched = watch();

        report("SIGKILL", moved, watched);
        watched.forEach((key, seen) -> assertThat(seen.longestOutage()).as(key).isLessThanOrEqualTo(LONGEST_OUTAGE));
        for (final String key : moved) {
            assertThat(watched.get(key).staleSeen()).as(key + ", owned by the killed instance, answered stale")
                    .isTrue();
        }
        final TrackerFixture.Reply all = TrackerFixture.get(survivor, "/api/partnerships");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().path("count").asInt()).as("every partnership, from the survivor's copies")
                .isEqualTo(TrackerFixture.PARTNERSHIPS.size());
        assertThat(all.headers().firstValue(InstanceClient.STALE_HEADER)).contains("true");
    }

    /** Starts the other instance in its own JVM and returns its HTTP port once it is RUNNING. */
    private int startOther() throws IOException {
        final Path log = dir.resolve("other.log");
        other = new ProcessBuilder(fixture.serviceProcessCommand()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return await("the other instance is RUNNING (" + log + ")").atMost(STARTUP)
                .until(() -> port(log), Optional::isPresent).orElseThrow();
    }

    /**
     * Waits until the other instance owns some partnerships and the survivor holds a copy of every one, and returns the
     * partnerships the other instance owns.
     */
    private static Set<String> awaitSharedWith(final int port) {
        final Set<String> moved = new TreeSet<>();
        await("the other instance owns partnerships and the survivor has copies of all").atMost(STARTUP)
                .untilAsserted(() -> {
                    moved.clear();
                    for (final String key : TrackerFixture.PARTNERSHIPS) {
                        final TrackerFixture.Reply routed = TrackerFixture.get(survivor, path(key));
                        assertThat(routed.status()).as(key + ": " + routed.body()).isEqualTo(200);
                        if (answeredBy(routed).endsWith(":" + port)) {
                            moved.add(key);
                        }
                        final TrackerFixture.Reply copy = TrackerFixture.get(survivor, path(key),
                                Map.of(InstanceClient.LOCAL_ONLY_HEADER, "true"));
                        assertThat(copy.status()).as(key + " from the survivor's own copy: " + copy.body())
                                .isEqualTo(200);
                    }
                    assertThat(moved).isNotEmpty();
                });
        return Set.copyOf(moved);
    }

    /** Asks the survivor for every partnership, round after round, for {@link #WATCH}. */
    private static Map<String, Watched> watch() {
        final Map<String, Long> downSince = new LinkedHashMap<>();
        final Map<String, Watched> watched = new LinkedHashMap<>();
        TrackerFixture.PARTNERSHIPS.forEach(key -> watched.put(key, new Watched(Duration.ZERO, false, 0)));
        final long end = System.nanoTime() + WATCH.toNanos();
        while (System.nanoTime() < end) {
            for (final String key : TrackerFixture.PARTNERSHIPS) {
                final TrackerFixture.Reply reply = TrackerFixture.get(survivor, path(key));
                final long now = System.nanoTime();
                final Watched before = watched.get(key);
                Duration outage = before.longestOutage();
                if (reply.status() == 200) {
                    downSince.remove(key);
                } else {
                    final long since = downSince.computeIfAbsent(key, k -> now);
                    outage = outage.compareTo(Duration.ofNanos(now - since)) >= 0 ? outage
                            : Duration.ofNanos(now - since);
                }
                final boolean stale = reply.status() == 200
                        && "true".equals(reply.headers().firstValue(InstanceClient.STALE_HEADER).orElse(null));
                watched.put(key, new Watched(outage, before.staleSeen() || stale, before.answers() + 1));
            }
        }
        return watched;
    }

    private static void report(final String stop, final Set<String> moved, final Map<String, Watched> watched) {
        System.out.printf("%s of the instance owning %s: %s%n", stop, moved, watched);
    }

    private static Optional<Integer> port(final Path log) {
        try {
            return Files.readAllLines(log).stream().filter(line -> line.startsWith(ServiceProcess.PORT_PREFIX))
                    .map(line -> Integer.parseInt(line.substring(ServiceProcess.PORT_PREFIX.length()).trim()))
                    .findFirst();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String path(final String key) {
        return "/api/partnerships/" + key.replace(':', '/');
    }

    private static String answeredBy(final TrackerFixture.Reply reply) {
        return reply.headers().firstValue(InstanceClient.ANSWERED_BY_HEADER).orElseThrow();
    }
}
