package eu.partnershiptracker.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.partnershiptracker.core.changes.ChangeFeed;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.core.testing.TestEvents;
import eu.partnershiptracker.embedded.ChildProcess;
import eu.partnershiptracker.model.Correction;
import eu.partnershiptracker.model.CorrectionType;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.model.PartnershipState;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once under repeated crashes: while a publisher sends events at a fixed rate for the whole test, the tracker
 * in a JVM of its own is killed with SIGKILL ten times, at varied moments (while it starts, as soon as it runs, while a
 * transaction of its output is open, after it committed some changes), and each time a new instance takes over with
 * the same application id and state directory. The read_committed change feed must then hold every change exactly
 * once, ids "KEY/1".."KEY/n" without gap, and be the reference's: core's {@link ChangeFeed} over each partnership's
 * events in the order of their input partition.
 */
@ExtendWith(RealInfrastructure.class)
class RepeatedCrashesOnBrokerTest {

    private static final Instant T0 = Instant.parse("2025-08-01T00:00:00Z");
    private static final int KILLS = 10;
    private static final int PARTNERSHIPS = 8;
    /** A modest steady load: one event every 40 ms. */
    private static final Duration PUBLISH_PERIOD = Duration.ofMillis(40);
    private static final int MAX_EVENTS = 10_000;
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(60);
    private static final List<EventKind> KINDS = List.of(EventKind.NEGOTIATIONS_LAUNCHED, EventKind.SIGNED,
            EventKind.ENTERED_INTO_FORCE, EventKind.HELD, EventKind.SUSPENDED, EventKind.LAUNCHED, EventKind.UNKNOWN);
    /** Commits every second, so that kills land in open transactions; a killed member leaves the group in 6 s. */
    private static final Map<String, String> OVERRIDES = Map.of(
            StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000",
            StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), "6000",
            StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), "1000");

    /** When an instance is killed, in turn. */
    private enum Moment { STARTING, RUNNING, OPEN_TRANSACTION, AFTER_COMMITS }

    @TempDir
    Path workDir;

    @Test
    void tenKillsUnderLoadLeaveEveryChangeExactlyOnceAsTheReferenceHasIt(final Infrastructure infra)
            throws Exception {
        final long started = System.nanoTime();
        final Path stateDir = workDir.resolve("state");
        try (BrokerTracker tracker = new BrokerTracker(infra, OVERRIDES)) {
            final String changesTopic = tracker.config().topics().changes();
            final AtomicInteger published = new AtomicInteger();
            final AtomicReference<Throwable> publishFailure = new AtomicReference<>();
            final ScheduledExecutorService publisher = new ScheduledThreadPoolExecutor(1);
            publisher.scheduleAtFixedRate(() -> {
                final int next = published.get();
                if (next >= MAX_EVENTS || publishFailure.get() != null) {
                    return;
                }
                try {
                    tracker.publish(List.of(tracker.record(event(next), T0.plusSeconds(next))));
                    published.incrementAndGet();
                } catch (final RuntimeException e) {
                    publishFailure.compareAndSet(null, e);
                }
            }, 0, PUBLISH_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
            try {
                for (int kill = 0; kill < KILLS; kill++) {
                    final Moment moment = Moment.values()[kill % Moment.values().length];
                    try (ChildProcess instance = startProcess(tracker, stateDir, kill)) {
                        awaitMoment(infra, tracker, instance, moment);
                        ProcessHandle.of(instance.pid()).ifPresent(ProcessHandle::destroyForcibly);
                        assertThat(instance.awaitExit(KILL_TIMEOUT)).as("killed instance " + kill).isPresent();
                        System.out.printf("kill %d (%s) after %d events published%n", kill + 1, moment,
                                published.get());
                    }
                }
            } finally {
                publisher.shutdown();
                assertThat(publisher.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(publishFailure.get()).as("the publisher's first failure").isNull();

            tracker.start(stateDir);
            tracker.awaitProcessed();

            final Map<String, List<PartnershipChange>> expected = reference(tracker);
            final CommittedOutput output = CommittedOutput.read(tracker);
            final int logged = tracker.read(changesTopic, tracker.<PartnershipChange>avro(),
                    IsolationLevel.READ_UNCOMMITTED).size();
            final Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("repeated crashes: %d kills, %d events, %d committed changes, %d aborted change records"
                    + " in the log, %d s%n", KILLS, published.get(), output.changes().size(),
                    logged - output.changes().size(), took.toSeconds());

            assertThat(output.changes().stream().map(ConsumerRecord::key).distinct().sorted().toList())
                    .isEqualTo(expected.keySet().stream().sorted().toList());
            for (final Map.Entry<String, List<PartnershipChange>> partnership : expected.entrySet()) {
                final String key = partnership.getKey();
                final List<PartnershipChange> feed = output.changesOf(key);
                assertThat(feed).as("change ids of " + key).extracting(PartnershipChange::getChangeId)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, partnership.getValue().size())
                                .mapToObj(n -> key + "/" + n).toList());
                assertThat(feed).as("changes of " + key).extracting(RepeatedCrashesOnBrokerTest::withoutImages)
                        .containsExactlyElementsOf(partnership.getValue().stream()
                                .map(RepeatedCrashesOnBrokerTest::withoutImages).toList());
                for (int i = 0; i < feed.size(); i++) {
                    assertAfterImage(key + "/" + (i + 1), feed.get(i), partnership.getValue().get(i));
                }
            }
            assertThat(output.changes().size()).as("committed changes").isEqualTo(
                    expected.values().stream().mapToInt(List::size).sum());
            assertThat(logged).as("the kills left aborted change records in the log")
                    .isGreaterThan(output.changes().size());
        }
    }

    /**
     * Waits for the moment to kill the instance. STARTING kills it at once, before it has joined the group; the others
     * wait until it runs, then for an open transaction of its output, or for some changes committed by it.
     */
    private static void awaitMoment(final Infrastructure infra, final BrokerTracker tracker,
            final ChildProcess instance, final Moment moment) throws Exception {
        if (moment == Moment.STARTING) {
            return;
        }
        instance.awaitLogLine(Pattern.compile(Pattern.quote(TrackerProcess.RUNNING)), BrokerTracker.TIMEOUT);
        final String changes = tracker.config().topics().changes();
        switch (moment) {
            case OPEN_TRANSACTION -> await("an open transaction of the instance").atMost(KILL_TIMEOUT)
                    .pollInterval(Duration.ofMillis(20)).until(() -> tracker.hasOpenTransaction(changes));
            case AFTER_COMMITS -> {
                final long before = committedChanges(infra, changes);
                await("changes committed by the instance").atMost(KILL_TIMEOUT).pollInterval(Duration.ofMillis(50))
                        .until(() -> committedChanges(infra, changes) >= before + 10);
            }
            default -> {
                // RUNNING: killed as soon as it says so.
            }
        }
    }

    private static long committedChanges(final Infrastructure infra, final String topic) throws Exception {
        return infra.offsets(topic, OffsetSpec.latest(), IsolationLevel.READ_COMMITTED).values().stream()
                .mapToLong(Long::longValue).sum();
    }

    /**
     * The reference: each partnership's events as its input partition holds them, the first of each id accepted (a
     * repeat with the same content is a duplicate), folded by core's ChangeFeed.
     */
    private static Map<String, List<PartnershipChange>> reference(final BrokerTracker tracker) {
        final String topic = tracker.config().topics().events();
        final List<ConsumerRecord<String, PolicyEvent>> records = new ArrayList<>(
                tracker.read(topic, tracker.<PolicyEvent>avro(), IsolationLevel.READ_COMMITTED));
        records.sort(Comparator.comparingInt((ConsumerRecord<String, PolicyEvent> record) -> record.partition())
                .thenComparingLong(ConsumerRecord::offset));
        final Map<String, Timeline> timelines = new HashMap<>();
        final Map<String, List<PartnershipChange>> changes = new TreeMap<>();
        for (final ConsumerRecord<String, PolicyEvent> record : records) {
            final Timeline timeline = timelines.getOrDefault(record.key(), Timeline.EMPTY);
            if (timeline.find(record.value().getEventId()).isPresent()) {
                continue;
            }
            final ChangeFeed.Outcome outcome = ChangeFeed.accept(record.key(), timeline, new TimelineEntry(
                    record.value(), Instant.ofEpochMilli(record.timestamp()), record.partition(), record.offset()),
                    topic);
            timelines.put(record.key(), outcome.timeline());
            outcome.change().ifPresent(change ->
                    changes.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(change));
        }
        return changes;
    }

    /** A change without its images, which the tracker cuts to the instruments that changed. */
    private static PartnershipChange withoutImages(final PartnershipChange change) {
        return PartnershipChange.newBuilder(change).setBefore(null).setAfter(null).build();
    }

    /**
     * The after image: its header is the reference's, and each instrument it holds is the reference's instrument of
     * that type and key (eventIds aside: the tracker publishes states without them).
     */
    private static void assertAfterImage(final String what, final PartnershipChange actual,
            final PartnershipChange expected) {
        final PartnershipState after = actual.getAfter();
        final PartnershipState reference = expected.getAfter();
        assertThat(after == null).as(what + ": no state after").isEqualTo(reference == null);
        if (after == null) {
            return;
        }
        assertThat(header(after)).as(what + " after, header").isEqualTo(header(reference));
        for (final InstrumentState instrument : after.getInstruments()) {
            final InstrumentState same = reference.getInstruments().stream()
                    .filter(candidate -> candidate.getType() == instrument.getType()
                            && Objects.equals(candidate.getKey(), instrument.getKey()))
                    .findFirst().orElse(null);
            assertThat(same).as(what + " after: instrument " + instrument.getType() + "/" + instrument.getKey()
                    + " in the reference").isNotNull();
            assertThat(withoutEventIds(instrument)).as(what + " after: " + instrument.getType() + "/"
                    + instrument.getKey()).isEqualTo(withoutEventIds(same));
        }
    }

    private static PartnershipState header(final PartnershipState image) {
        return PartnershipState.newBuilder(image).setInstruments(List.of()).setConflicts(List.of())
                .setEvents(List.of()).build();
    }

    private static InstrumentState withoutEventIds(final InstrumentState instrument) {
        return InstrumentState.newBuilder(instrument).setEventIds(List.of()).build();
    }

    /** The instance's own log file, so that waiting for its RUNNING line never reads an earlier instance's. */
    private static ChildProcess startProcess(final BrokerTracker tracker, final Path stateDir, final int number)
            throws IOException {
        final Path settings = Files.createDirectories(stateDir.getParent()).resolve("streams.properties");
        try (Writer writer = Files.newBufferedWriter(settings)) {
            final Properties properties = tracker.streamsProperties(stateDir);
            properties.store(writer, "settings of the instances to kill");
        }
        final var topics = tracker.config().topics();
        return ChildProcess.builder("tracker process", stateDir.resolveSibling("tracker-" + number + ".log"), List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                TrackerProcess.class.getName(),
                tracker.config().cluster().registryUrl(), topics.events(), topics.changes(), topics.instruments(),
                topics.deadLetter(), settings.toString())).start();
    }

    /**
     * The i-th event: partnerships in turn, kinds in turn, dates spread out of order, every fifth round correcting or
     * retracting the round before, and now and then the same event again, so that most events change a state.
     */
    private static PolicyEvent event(final int index) {
        final int p = index % PARTNERSHIPS;
        final int round = index / PARTNERSHIPS;
        if (round % 9 == 8) {
            return event(index - PARTNERSHIPS);
        }
        final String date = String.format("%d-%02d-%02d", 2000 + (round * 7 + p) % 20, 1 + round % 12, 1 + p % 28);
        final PolicyEvent.Builder event = TestEvents.event("c" + p + "-" + round, String.format("EU:C%02d", p),
                round % 2 == 0 ? InstrumentType.FPA : InstrumentType.SDP, KINDS.get(round % KINDS.size()), date);
        if (round % 5 == 4) {
            event.setCorrection(new Correction("c" + p + "-" + (round - 1),
                    round % 10 == 4 ? CorrectionType.CORRECTS : CorrectionType.RETRACTS, null));
        }
        return event.build();
    }
}
