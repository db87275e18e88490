package eu.partnershiptracker.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.partnershiptracker.core.testing.TestEvents;
import eu.partnershiptracker.embedded.ChildProcess;
import eu.partnershiptracker.model.Correction;
import eu.partnershiptracker.model.CorrectionType;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once under a crash: an instance in a JVM of its own is killed with SIGKILL while a transaction of its output
 * is open; a new instance with the same application id and state directory takes over (its local store, never
 * checkpointed, is rebuilt from the changelog) and processes the rest. The read_committed change feed must hold every
 * expected change exactly once, ids "KEY/1".."KEY/n" with no repeat and no gap, although the log holds the aborted
 * records of the killed instance.
 */
@ExtendWith(RealInfrastructure.class)
class CrashOnBrokerTest {

    private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");
    private static final int PARTNERSHIPS = 12;
    private static final int ROUNDS = 30;
    private static final int CHUNK = 12;
    private static final List<EventKind> KINDS = List.of(EventKind.NEGOTIATIONS_LAUNCHED, EventKind.SIGNED,
            EventKind.ENTERED_INTO_FORCE, EventKind.HELD, EventKind.SUSPENDED, EventKind.LAUNCHED, EventKind.UNKNOWN);
    /** A killed member must leave the group quickly for the next instance to get its partitions. */
    private static final Map<String, String> OVERRIDES = Map.of(
            StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "5000",
            StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), "6000",
            StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), "1000");

    @TempDir
    Path workDir;

    @Test
    void aKilledInstanceLeavesNoDuplicateAndNoMissingChange(final Infrastructure infra) throws IOException {
        final List<PolicyEvent> events = events();
        final Path stateDir = workDir.resolve("state");
        try (BrokerTracker tracker = new BrokerTracker(infra, OVERRIDES)) {
            final List<ProducerRecord<String, byte[]>> records = tracker.records(events, T0);
            final int half = records.size() / 2;
            tracker.publish(records.subList(0, half));
            try (ChildProcess doomed = startProcess(tracker, stateDir)) {
                doomed.awaitLogLine(Pattern.compile(Pattern.quote(TrackerProcess.RUNNING)), BrokerTracker.TIMEOUT);
                tracker.awaitProcessed();
                final Iterator<List<ProducerRecord<String, byte[]>>> chunks =
                        chunks(records.subList(half, records.size())).iterator();
                // Feed it until its output holds records of a transaction it has not committed, then kill it.
                await("an open transaction of the doomed instance").atMost(BrokerTracker.TIMEOUT)
                        .pollInterval(Duration.ofMillis(50)).until(() -> {
                            if (tracker.hasOpenTransaction(tracker.config().topics().changes())) {
                                return true;
                            }
                            if (chunks.hasNext()) {
                                tracker.publish(chunks.next());
                            }
                            return false;
                        });
                ProcessHandle.of(doomed.pid()).ifPresent(ProcessHandle::destroyForcibly);
                assertThat(doomed.awaitExit(BrokerTracker.TIMEOUT)).isPresent();
                chunks.forEachRemaining(tracker::publish);
            }

            final KafkaStreams successor = tracker.start(stateDir);
            tracker.awaitProcessed();

            final ExpectedOutcome expected = ExpectedOutcome.of(events);
            final CommittedOutput output = CommittedOutput.read(tracker);
            output.assertMatches(expected);
            CommittedOutput.assertStoreMatches(BrokerTracker.timelines(successor), expected,
                    List.of(LocalDate.of(2010, 1, 1)));
            // The crash was real: the log holds aborted changes whose ids the successor issued again.
            final List<String> logged = tracker.read(tracker.config().topics().changes(),
                    tracker.<PartnershipChange>avro(), IsolationLevel.READ_UNCOMMITTED).stream()
                    .map(record -> record.value().getChangeId()).toList();
            assertThat(logged).hasSizeGreaterThan(Set.copyOf(logged).size());
        }
    }

    private static ChildProcess startProcess(final BrokerTracker tracker, final Path stateDir) throws IOException {
        final Path settings = Files.createDirectories(stateDir.getParent()).resolve("streams.properties");
        try (Writer writer = Files.newBufferedWriter(settings)) {
            final Properties properties = tracker.streamsProperties(stateDir);
            properties.store(writer, "settings of the instance to kill");
        }
        final var topics = tracker.config().topics();
        return ChildProcess.builder("tracker process", stateDir.resolveSibling("tracker.log"), List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                TrackerProcess.class.getName(),
                tracker.config().cluster().registryUrl(), topics.events(), topics.changes(), topics.instruments(),
                topics.deadLetter(), settings.toString())).start();
    }

    /**
     * Rounds of events over many partnerships, dated out of order, with corrections of the round before and
     * re-publishes, so that most of them change a state and every partnership sees many changes.
     */
    private static List<PolicyEvent> events() {
        final List<PolicyEvent> events = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (int p = 0; p < PARTNERSHIPS; p++) {
                final String date = String.format("%d-%02d-%02d", 2000 + (round * 7 + p) % 20, 1 + round % 12,
                        1 + p % 28);
                final PolicyEvent.Builder event = TestEvents.event("c" + p + "-" + round, String.format("EU:C%02d", p),
                        round % 2 == 0 ? InstrumentType.FPA : InstrumentType.SDP, KINDS.get(round % KINDS.size()), date);
                if (round % 5 == 4) {
                    event.setCorrection(new Correction("c" + p + "-" + (round - 1),
                            round % 10 == 4 ? CorrectionType.CORRECTS : CorrectionType.RETRACTS, null));
                }
                events.add(event.build());
                if ((round + p) % 7 == 0) {
                    events.add(PolicyEvent.newBuilder(event.build()).build());
                }
            }
        }
        return events;
    }

    private static List<List<ProducerRecord<String, byte[]>>> chunks(final List<ProducerRecord<String, byte[]>> records) {
        final List<List<ProducerRecord<String, byte[]>>> chunks = new ArrayList<>();
        for (int start = 0; start < records.size(); start += CHUNK) {
            chunks.add(records.subList(start, Math.min(records.size(), start + CHUNK)));
        }
        return chunks;
    }
}
