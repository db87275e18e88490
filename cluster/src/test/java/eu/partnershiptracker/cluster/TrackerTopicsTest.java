package eu.partnershiptracker.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TrackerTopicsTest {

    private final Map<String, NewTopic> topics = TrackerTopics.all(TopicNames.DEFAULTS, 6, (short) 1).stream()
            .collect(Collectors.toMap(NewTopic::name, Function.identity()));

    @Test
    void theInstrumentsTopicIsCompactedInSmallSegmentsAndKeptWhateverTheRecordsAge() {
        assertThat(topics.get(TopicNames.DEFAULTS.instruments()).configs())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .containsEntry(TopicConfig.SEGMENT_BYTES_CONFIG, "67108864")
                .containsEntry(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1");
    }

    @Test
    void theOtherTopicsKeepEveryRecord() {
        assertThat(topics.get(TopicNames.DEFAULTS.events()).configs()).isEqualTo(TrackerTopics.LOG_OF_RECORD);
        assertThat(topics.get(TopicNames.DEFAULTS.changes()).configs())
                .isEqualTo(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
        assertThat(topics.get(TopicNames.DEFAULTS.deadLetter()).configs())
                .isEqualTo(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
        assertThat(topics.values()).allSatisfy(topic -> assertThat(topic.numPartitions()).isEqualTo(6));
    }

    @Test
    void theRetiredStateTopicIsNoLongerCreated() {
        assertThat(topics).containsOnlyKeys("policy-events", "partnership-changes", "partnership-instruments",
                "policy-events-dlq");
    }
}
