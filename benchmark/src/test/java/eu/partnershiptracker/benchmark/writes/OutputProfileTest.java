package eu.partnershiptracker.benchmark.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Writes are counted per topic as serialised, and a phase sees only its own. */
class OutputProfileTest {

    @Test
    void theCounterCountsKeyAndValueBytesPerTopicAndAPhaseTakesTheDifference() {
        final Map<String, TopicWrites.Written> before = TopicWrites.COUNTED.snapshot();
        final WriteCounter counter = new WriteCounter();
        counter.onSend(new ProducerRecord<>("profile-test-a", new byte[10], new byte[90]));
        counter.onSend(new ProducerRecord<>("profile-test-a", null, new byte[100]));
        counter.onSend(new ProducerRecord<>("profile-test-b", new byte[10], null));

        final Map<String, TopicWrites.Written> written = TopicWrites.between(before, TopicWrites.COUNTED.snapshot());

        assertThat(written).containsExactly(Map.entry("profile-test-a", new TopicWrites.Written(2, 200)),
                Map.entry("profile-test-b", new TopicWrites.Written(1, 10)));
    }

    @Test
    void theProfileGivesRecordsAndBytesPerInputEvent() {
        final OutputProfile profile = OutputProfile.of(4, Map.of("changes", new TopicWrites.Written(4, 800),
                "changelog", new TopicWrites.Written(6, 300)));

        assertThat(profile.recordsPerEvent()).isEqualTo(2.5);
        assertThat(profile.bytesPerEvent()).isEqualTo(275);
        assertThat(profile.topics()).filteredOn(topic -> topic.topic().equals("changelog")).singleElement()
                .satisfies(topic -> {
                    assertThat(topic.recordsPerEvent()).isEqualTo(1.5);
                    assertThat(topic.bytesPerRecord()).isCloseTo(50, within(1e-9));
                });
    }
}
