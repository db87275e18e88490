package eu.partnershiptracker.benchmark.streams;

import eu.partnershiptracker.cluster.TopicOffsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group has committed on a topic. Under exactly_once_v2 Kafka Streams commits its input offsets in
 * the same transaction as its output and store changelog, so committed = end offsets means every input record is
 * processed and its results are visible to read_committed readers.
 */
public final class GroupProgress {

    private final Admin admin;
    private final String groupId;
    private final String topic;
    private final Duration timeout;

    /** @param timeout how long listing the topic's end offsets may take */
    public GroupProgress(final Admin admin, final String groupId, final String topic, final Duration timeout) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Records on the topic not yet committed by the group. */
    public long lag() throws ExecutionException, InterruptedException, TimeoutException {
        final Map<TopicPartition, Long> ends = TopicOffsets.of(admin, topic, OffsetSpec.latest(),
                IsolationLevel.READ_UNCOMMITTED, timeout);
        final Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (final Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            final OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue() - (done == null ? 0 : done.offset());
        }
        return lag;
    }
}
