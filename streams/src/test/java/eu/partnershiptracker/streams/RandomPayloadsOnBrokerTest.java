package eu.partnershiptracker.streams;

import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.model.EventKind.SIGNED;
import static eu.partnershiptracker.model.InstrumentType.FPA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz on the real input topic: 1,000 seeded random records (random bytes of random lengths, frames with the registry's
 * magic byte 0 and a random schema id, some of which the shared registry may hold, empty values, null values, null keys,
 * and good events under a key that is not theirs) all land in the dead-letter topic as they arrived, each with its
 * reason, are all counted in the rejected-records metric, and a good event after them still makes its change.
 */
@ExtendWith(RealInfrastructure.class)
class RandomPayloadsOnBrokerTest {

    private static final Instant T0 = Instant.parse("2025-07-01T00:00:00Z");
    private static final int PAYLOADS = 1_000;
    private static final long SEED = 20_251_130L;

    /** What a dead letter must look like: the original key and value (Base64, null kept) and the reason. */
    private record Letter(String key, String value, String rejection) {
    }

    @TempDir
    Path stateDir;

    @Test
    void everyRandomPayloadIsADeadLetterWithItsReasonAndProcessingContinues(final Infrastructure infra) {
        try (BrokerTracker tracker = new BrokerTracker(infra, Map.of())) {
            final KafkaStreams streams = tracker.start(stateDir);
            final Random random = new Random(SEED);
            final List<ProducerRecord<String, byte[]>> poison = new ArrayList<>();
            final List<Letter> expected = new ArrayList<>();
            for (int i = 0; i < PAYLOADS; i++) {
                final String key = random.nextInt(10) == 0 ? null : randomKey(random);
                final int shape = random.nextInt(10);
                final ProducerRecord<String, byte[]> record;
                final DeadLetters.Rejection rejection;
                if (shape == 0) {
                    record = tracker.raw(key, null, T0.plusMillis(i));
                    rejection = DeadLetters.Rejection.NO_VALUE;
                } else if (shape == 1) {
                    record = tracker.raw(key, new byte[0], T0.plusMillis(i));
                    rejection = DeadLetters.Rejection.UNREADABLE;
                } else if (shape == 2) {
                    // A good event under a key that is not its partnership's ("EU:JP").
                    record = tracker.raw(key, tracker.record(event("mismatch-" + i, FPA, SIGNED, "2023-05-21").build(),
                            T0).value(), T0.plusMillis(i));
                    rejection = DeadLetters.Rejection.KEY_MISMATCH;
                } else if (shape < 6) {
                    record = tracker.raw(key, framed(random), T0.plusMillis(i));
                    rejection = DeadLetters.Rejection.UNREADABLE;
                } else {
                    final byte[] bytes = new byte[1 + random.nextInt(512)];
                    random.nextBytes(bytes);
                    record = tracker.raw(key, bytes, T0.plusMillis(i));
                    rejection = DeadLetters.Rejection.UNREADABLE;
                }
                poison.add(record);
                expected.add(new Letter(key, base64(record.value()), rejection.name()));
            }
            tracker.publish(poison);
            tracker.publish(List.of(tracker.record(event("after-the-fuzz", FPA, SIGNED, "2023-05-21").build(),
                    T0.plusSeconds(PAYLOADS))));
            tracker.awaitProcessed();

            final CommittedOutput output = CommittedOutput.read(tracker);
            final List<Letter> letters = output.deadLetters().stream().map(record -> new Letter(record.key(),
                    base64(record.value()), header(record, DeadLetters.REJECTION))).toList();
            System.out.printf("random payloads: %d sent, %d dead letters (%s), rejected-records-total %.0f%n",
                    PAYLOADS, letters.size(), countByReason(letters),
                    BrokerTracker.metric(streams, TrackerMetrics.REJECTED_TOTAL));
            assertThat(letters).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(output.deadLetters()).allSatisfy(record -> {
                assertThat(header(record, DeadLetters.MESSAGE)).isNotBlank();
                assertThat(header(record, DeadLetters.TOPIC)).isEqualTo(tracker.config().topics().events());
                assertThat(header(record, DeadLetters.OFFSET)).isNotBlank();
            });
            assertThat(BrokerTracker.metric(streams, TrackerMetrics.REJECTED_TOTAL)).isEqualTo(PAYLOADS);
            assertThat(output.changes()).extracting(ConsumerRecord::value).extracting(PartnershipChange::getChangeId,
                    PartnershipChange::getCauseEventId).containsExactly(
                            tuple("EU:JP/1", "after-the-fuzz"));
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    /**
     * Magic byte 0, a schema id (a small one the shared registry may hold, or any int, negative ones included), then
     * random bytes of random length as the body.
     */
    private static byte[] framed(final Random random) {
        final int id = random.nextBoolean() ? 1 + random.nextInt(64) : random.nextInt();
        final byte[] body = new byte[random.nextInt(256)];
        random.nextBytes(body);
        return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(id).put(body).array();
    }

    private static String randomKey(final Random random) {
        final byte[] bytes = new byte[random.nextInt(24)];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String base64(final byte[] value) {
        return value == null ? null : Base64.getEncoder().encodeToString(value);
    }

    private static String header(final ConsumerRecord<String, byte[]> record, final String name) {
        final Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, Long> countByReason(final List<Letter> letters) {
        return letters.stream().collect(Collectors.groupingBy(Letter::rejection,
                TreeMap::new, Collectors.counting()));
    }
}
