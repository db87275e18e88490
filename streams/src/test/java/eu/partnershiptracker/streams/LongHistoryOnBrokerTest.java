package eu.partnershiptracker.streams;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.core.testing.LongHistories;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One partnership of 10,000 events on the real broker: no record the application writes comes near the broker's 1 MB
 * limit (a whole-timeline value passed it at about 4,000 events and stopped the application), because the history is
 * rows, the changes carry the changed instruments only, and the instruments topic one record per changed instrument.
 */
@ExtendWith(RealInfrastructure.class)
class LongHistoryOnBrokerTest {

    private static final int EVENTS = 10_000;
    private static final int CHANGE_LIMIT = 4 * 1024;
    private static final int ROW_LIMIT = 4 * 1024;
    private static final int INSTRUMENT_LIMIT = 4 * 1024;
    private static final Instant T0 = Instant.parse("2025-05-01T00:00:00Z");

    @TempDir
    Path stateDir;

    @Test
    void tenThousandEventsOfOnePartnershipKeepEveryRecordSmall(final Infrastructure infra) {
        final List<PolicyEvent> events = LongHistories.events("EU:JP", EVENTS);
        try (BrokerTracker tracker = new BrokerTracker(infra, Map.of())) {
            final KafkaStreams streams = tracker.start(stateDir);
            tracker.publish(tracker.records(events, T0));
            tracker.awaitProcessed();
            assertThat(BrokerTracker.rows(streams).find("EU:JP", "e9999")).as("the last event's row, queried")
                    .hasValueSatisfying(entry -> assertThat(entry.event()).isEqualTo(events.get(EVENTS - 1)));

            final List<ConsumerRecord<String, byte[]>> changes =
                    tracker.readCommitted(tracker.config().topics().changes(), new ByteArrayDeserializer());
            assertThat(changes).hasSize(EVENTS);
            assertThat(largest(changes)).as("largest change").isLessThan(CHANGE_LIMIT);
            assertThat(largest(tracker.readCommitted(tracker.changelogTopic(), new ByteArrayDeserializer())))
                    .as("largest row").isLessThan(ROW_LIMIT);
            final List<ConsumerRecord<String, byte[]>> instruments =
                    tracker.readCommitted(tracker.config().topics().instruments(), new ByteArrayDeserializer());
            // At most two per event (its instrument and its target's), none for an event that changes no fact.
            assertThat(instruments).as("instrument records, only for the instruments an event changed")
                    .hasSizeBetween(EVENTS / 2, 2 * EVENTS);
            assertThat(largest(instruments)).as("largest instrument record").isLessThan(INSTRUMENT_LIMIT);
        }
    }

    private static int largest(final List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().mapToInt(record -> record.value() == null ? 0 : record.value().length).max()
                .orElseThrow();
    }
}
