package eu.partnershiptracker.streams;

import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.model.EventKind.ENTERED_INTO_FORCE;
import static eu.partnershiptracker.model.EventKind.SIGNED;
import static eu.partnershiptracker.model.InstrumentType.FPA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poison on the real input topic: bytes that are not Avro, a well-formed frame naming a schema id the real registry does
 * not have, and a reused event id with other content each go to the dead-letter topic as they arrived, with the reason
 * in headers, are counted in the rejected-records metric, and do not stop the application.
 */
@ExtendWith(RealInfrastructure.class)
class PoisonRecordsOnBrokerTest {

    private static final Instant T0 = Instant.parse("2025-05-01T00:00:00Z");
    private static final int UNKNOWN_SCHEMA_ID = 987_654_321;

    @TempDir
    Path stateDir;

    @Test
    void poisonGoesToTheDeadLetterTopicAndProcessingContinues(final Infrastructure infra) {
        try (BrokerTracker tracker = new BrokerTracker(infra, Map.of())) {
            final KafkaStreams streams = tracker.start(stateDir);
            final PolicyEvent signed = event("signed", FPA, SIGNED, "2023-05-21").build();
            final byte[] notAvro = "{\"eventId\": \"json\"}".getBytes(StandardCharsets.UTF_8);
            // Magic byte 0, a schema id, then a plausible Avro body: only the id is wrong.
            final byte[] unknownSchema = ByteBuffer.allocate(9).put((byte) 0).putInt(UNKNOWN_SCHEMA_ID)
                    .putInt(0x02020202).array();
            final ProducerRecord<String, byte[]> reused =
                    tracker.record(event("signed", FPA, SIGNED, "2024").build(), T0.plusSeconds(3));
            tracker.publish(List.of(
                    tracker.record(signed, T0),
                    tracker.raw("EU:JP", notAvro, T0.plusSeconds(1)),
                    tracker.raw("EU:JP", unknownSchema, T0.plusSeconds(2)),
                    reused,
                    tracker.record(event("in-force", FPA, ENTERED_INTO_FORCE, "2023-06").build(), T0.plusSeconds(4))));
            tracker.awaitProcessed();

            final CommittedOutput output = CommittedOutput.read(tracker);
            assertThat(output.changes()).extracting(record -> record.value().getChangeId(),
                    record -> record.value().getCauseEventId()).containsExactly(tuple("EU:JP/1", "signed"),
                            tuple("EU:JP/2", "in-force"));
            final int partition = output.changes().get(0).value().getSource().getPartition();
            assertThat(output.deadLetters()).extracting(ConsumerRecord::value)
                    .containsExactly(notAvro, unknownSchema, reused.value());
            assertThat(output.deadLetters()).extracting(record -> header(record.headers(), DeadLetters.REJECTION),
                    record -> header(record.headers(), DeadLetters.TOPIC),
                    record -> header(record.headers(), DeadLetters.PARTITION),
                    record -> header(record.headers(), DeadLetters.OFFSET)).containsExactly(
                            tuple("UNREADABLE", tracker.config().topics().events(), Integer.toString(partition), "1"),
                            tuple("UNREADABLE", tracker.config().topics().events(), Integer.toString(partition), "2"),
                            tuple("REUSED_EVENT_ID", tracker.config().topics().events(), Integer.toString(partition),
                                    "3"));
            assertThat(output.deadLetters()).allSatisfy(record -> assertThat(record.key()).isEqualTo("EU:JP"));
            assertThat(header(output.deadLetters().get(1).headers(), DeadLetters.MESSAGE))
                    .contains(Integer.toString(UNKNOWN_SCHEMA_ID));
            assertThat(output.latestInstruments().latest("EU:JP|FPA").getCauseEventId()).isEqualTo("in-force");
            assertThat(BrokerTracker.metric(streams, TrackerMetrics.REJECTED_TOTAL)).isEqualTo(3.0);
            assertThat(output.changes()).extracting(ConsumerRecord::value).extracting(PartnershipChange::getRecordedAt)
                    .containsExactly(T0, T0.plusSeconds(4));
        }
    }

    private static String header(final Headers headers, final String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
