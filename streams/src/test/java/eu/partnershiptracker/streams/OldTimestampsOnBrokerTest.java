package eu.partnershiptracker.streams;

import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.model.EventKind.ENTERED_INTO_FORCE;
import static eu.partnershiptracker.model.EventKind.LAUNCHED;
import static eu.partnershiptracker.model.EventKind.NEGOTIATIONS_LAUNCHED;
import static eu.partnershiptracker.model.EventKind.SIGNED;
import static eu.partnershiptracker.model.InstrumentType.FPA;
import static eu.partnershiptracker.model.InstrumentType.SDP;
import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.cluster.TopicNames;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records stamped with their event dates (2003-2010), two decades older than any default retention: every topic the
 * application owns must keep them (retention.ms=-1, or compaction alone for the changelog), and nothing may be
 * deleted while the application processes them.
 */
@ExtendWith(RealInfrastructure.class)
class OldTimestampsOnBrokerTest {

    @TempDir
    Path stateDir;

    @Test
    void recordsStampedWithOldDatesAreKeptOnEveryTopic(final Infrastructure infra) throws Exception {
        final List<PolicyEvent> events = List.of(
                event("jp-talks", FPA, NEGOTIATIONS_LAUNCHED, "2003-03-10").build(),
                event("no-talks", "EU:NO", FPA, NEGOTIATIONS_LAUNCHED, "2004-01-12").build(),
                event("jp-signed", FPA, SIGNED, "2005-05-21").build(),
                event("no-signed", "EU:NO", FPA, SIGNED, "2005-09-01").build(),
                event("jp-in-force", FPA, ENTERED_INTO_FORCE, "2006-06-01").build(),
                event("ua-sdp", "NATO:UA", SDP, LAUNCHED, "2008-04-03").build(),
                event("no-in-force", "EU:NO", FPA, ENTERED_INTO_FORCE, "2010-02-01").build());
        try (BrokerTracker tracker = new BrokerTracker(infra, Map.of())) {
            final TopicNames names = tracker.config().topics();
            final List<String> topics =
                    List.of(names.events(), names.changes(), names.instruments(), names.deadLetter());
            for (final String topic : topics) {
                assertThat(tracker.topicConfig(topic, TopicConfig.RETENTION_MS_CONFIG)).as(topic).isEqualTo("-1");
            }
            assertThat(tracker.topicConfig(names.instruments(), TopicConfig.CLEANUP_POLICY_CONFIG))
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);

            tracker.start(stateDir);
            tracker.publish(events.stream().map(event -> tracker.record(event, eventDate(event))).toList());
            tracker.awaitProcessed();

            // The changelog is compacted only, so record age never deletes from it.
            assertThat(tracker.topicConfig(tracker.changelogTopic(), TopicConfig.CLEANUP_POLICY_CONFIG))
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            // Small segments and a low dirty ratio, so that restore and new readers read mostly live records.
            for (final String compacted : List.of(names.instruments(), tracker.changelogTopic())) {
                assertThat(tracker.topicConfig(compacted, TopicConfig.SEGMENT_BYTES_CONFIG)).as(compacted)
                        .isEqualTo("67108864");
                assertThat(tracker.topicConfig(compacted, TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG)).as(compacted)
                        .isEqualTo("0.1");
            }
            final CommittedOutput output = CommittedOutput.read(tracker);
            output.assertMatches(ExpectedOutcome.of(events));
            assertThat(output.changes()).extracting(ConsumerRecord::timestamp).containsExactlyInAnyOrderElementsOf(
                    events.stream().map(event -> eventDate(event).toEpochMilli()).toList());
            for (final String topic : List.of(names.events(), names.changes(), names.instruments(), names.deadLetter(),
                    tracker.changelogTopic())) {
                assertThat(tracker.logStartOffsets(topic).values()).as("log start offsets of " + topic)
                        .containsOnly(0L);
            }
        }
    }

    private static Instant eventDate(final PolicyEvent event) {
        return event.getEventDate().getDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
