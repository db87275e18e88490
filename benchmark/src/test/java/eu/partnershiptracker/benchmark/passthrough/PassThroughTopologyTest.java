package eu.partnershiptracker.benchmark.passthrough;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.benchmark.writes.OutputProfile;
import eu.partnershiptracker.benchmark.writes.TopicWrites;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** The yardstick writes what it is told per event: as many records, of the profiled sizes, keyed like the input. */
class PassThroughTopologyTest {

    @Test
    void itWritesTheProfiledRecordsPerEventAtTheProfiledSizes() {
        // Per event: 1 change of 120 B, 1.5 changelog rows of 40 B (key included).
        final OutputProfile profile = OutputProfile.of(2, Map.of("changes", new TopicWrites.Written(2, 240),
                "changelog", new TopicWrites.Written(3, 120)));
        final List<String> outputs = List.of("out-changelog", "out-changes");
        final Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "pass-through-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(PassThroughTopology.build("events", profile, outputs),
                properties)) {
            final TestInputTopic<byte[], byte[]> events = driver.createInputTopic("events", new ByteArraySerializer(),
                    new ByteArraySerializer());
            final byte[] key = "EU:AAA".getBytes(StandardCharsets.UTF_8);
            for (int event = 0; event < 4; event++) {
                events.pipeInput(key, "an Avro-encoded event".getBytes(StandardCharsets.UTF_8));
            }

            final List<TestRecord<byte[], byte[]>> changelog = driver.createOutputTopic("out-changelog",
                    new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
            final List<TestRecord<byte[], byte[]>> changes = driver.createOutputTopic("out-changes",
                    new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
            assertThat(changelog).hasSize(6).allSatisfy(record -> {
                assertThat(record.key()).isEqualTo(key);
                assertThat(record.value()).hasSize(40 - key.length);
            });
            assertThat(changes).hasSize(4).allSatisfy(record -> assertThat(record.value()).hasSize(120 - key.length)
                    .startsWith("an Avro-encoded event".getBytes(StandardCharsets.UTF_8)));
        }
    }
}
