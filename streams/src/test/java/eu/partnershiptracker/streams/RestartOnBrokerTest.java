package eu.partnershiptracker.streams;

import static eu.partnershiptracker.core.testing.TestEvents.corrects;
import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.core.testing.TestEvents.retracts;
import static eu.partnershiptracker.model.EventKind.ENTERED_INTO_FORCE;
import static eu.partnershiptracker.model.EventKind.EXPLORATORY_TALKS_STARTED;
import static eu.partnershiptracker.model.EventKind.HELD;
import static eu.partnershiptracker.model.EventKind.NEGOTIATIONS_LAUNCHED;
import static eu.partnershiptracker.model.EventKind.SIGNED;
import static eu.partnershiptracker.model.InstrumentType.FPA;
import static eu.partnershiptracker.model.InstrumentType.JOINT_DECLARATION;
import static eu.partnershiptracker.model.InstrumentType.SDP;
import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application restarted with its local state deleted restores the timelines from the changelog and carries on
 * where it stopped: re-published events of the first run change nothing, late events dated before everything else land
 * in the past, and the change feed continues each partnership's ids with no gap and no repeat.
 */
@ExtendWith(RealInfrastructure.class)
class RestartOnBrokerTest {

    private static final Instant T0 = Instant.parse("2025-04-01T00:00:00Z");
    private static final List<LocalDate> AS_OF = List.of(LocalDate.of(2015, 6, 1), LocalDate.of(2020, 1, 1),
            LocalDate.of(2023, 5, 31), LocalDate.of(2024, 12, 31));

    @TempDir
    Path stateDir;

    @Test
    void aRestartFromTheChangelogContinuesTheChangeFeedExactly(final Infrastructure infra) throws IOException {
        final List<PolicyEvent> first = List.of(
                event("jp-talks", FPA, NEGOTIATIONS_LAUNCHED, "2021").build(),
                event("jp-signed", FPA, SIGNED, "2023-05-21").build(),
                event("jp-in-force", FPA, ENTERED_INTO_FORCE, "2023-06").build(),
                event("no-sdp", "EU:NO", SDP, SIGNED, "2024-05-28").build(),
                event("ua-meeting", "NATO:UA", JOINT_DECLARATION, HELD, "2022-11").setInstrumentKey("2022").build());
        final List<PolicyEvent> second = new ArrayList<>(first);
        second.addAll(List.of(
                event("jp-exploratory", FPA, EXPLORATORY_TALKS_STARTED, "2019-02").build(),
                event("ua-commission", "NATO:UA", JOINT_DECLARATION, HELD, "2016-07-08").setInstrumentKey("2016")
                        .build(),
                event("no-sdp-date", "EU:NO", SDP, SIGNED, "2024-05-27").setCorrection(corrects("no-sdp")).build(),
                event("ua-meeting-retracted", "NATO:UA", JOINT_DECLARATION, HELD, "2022-11").setInstrumentKey("2022")
                        .setCorrection(retracts("ua-meeting")).build(),
                event("jp-sdp", SDP, SIGNED, "2024-11-01").build(),
                event("jp-signed", FPA, SIGNED, "2023").build()));
        final List<PolicyEvent> all = new ArrayList<>(first);
        all.addAll(second);

        try (BrokerTracker tracker = new BrokerTracker(infra, Map.of())) {
            final KafkaStreams firstRun = tracker.start(stateDir);
            tracker.publish(tracker.records(first, T0));
            tracker.awaitProcessed();
            CommittedOutput.read(tracker).assertMatches(ExpectedOutcome.of(first));
            // Leaving the group spares the second run a wait for the first one's session to expire.
            firstRun.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            Utils.delete(stateDir.toFile());
            assertThat(stateDir).doesNotExist();

            final KafkaStreams secondRun = tracker.start(stateDir);
            CommittedOutput.assertStoreMatches(BrokerTracker.timelines(secondRun), ExpectedOutcome.of(first), AS_OF);
            tracker.publish(tracker.records(second, T0.plusSeconds(first.size())));
            tracker.awaitProcessed();

            final ExpectedOutcome expected = ExpectedOutcome.of(all);
            final CommittedOutput output = CommittedOutput.read(tracker);
            output.assertMatches(expected);
            assertThat(output.changes()).hasSize(first.size() + 5);
            assertThat(output.changesOf("EU:JP")).last().satisfies(change -> assertThat(change.getChangeId())
                    .isEqualTo("EU:JP/5"));
            CommittedOutput.assertStoreMatches(BrokerTracker.timelines(secondRun), expected, AS_OF);
        }
    }
}
