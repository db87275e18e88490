package eu.partnershiptracker.cluster;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * A topic's offsets per partition as the admin client lists them, and which partitions hold a transaction that is not
 * decided and marked yet: read by {@code publish} before it decides what is already on the topic, and by tests before
 * they count.
 */
public final class TopicOffsets {

    private TopicOffsets() {
    }

    /** Each partition's offset of that kind (earliest, latest...) as a consumer with that isolation level sees it. */
    public static Map<TopicPartition, Long> of(final Admin admin, final String topic, final OffsetSpec spec,
            final IsolationLevel isolation, final Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(topic, "topic");
        final long wait = timeout.toMillis();
        final Map<TopicPartition, OffsetSpec> specs = new TreeMap<>(Comparator.comparingInt(TopicPartition::partition));
        admin.describeTopics(List.of(topic)).allTopicNames().get(wait, TimeUnit.MILLISECONDS).get(topic).partitions()
                .forEach(info -> specs.put(new TopicPartition(topic, info.partition()), spec));
        final Map<TopicPartition, Long> offsets = new TreeMap<>(Comparator.comparingInt(TopicPartition::partition));
        admin.listOffsets(specs, new ListOffsetsOptions(isolation)).all().get(wait, TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /**
     * The partitions whose last stable offset is behind their end, with that offset: a transaction there is still
     * open, or committed or aborted but not marked in the log yet, so a read_committed reader stops before it.
     */
    public static Map<TopicPartition, Long> undecided(final Admin admin, final String topic, final Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        final Map<TopicPartition, Long> stable = of(admin, topic, OffsetSpec.latest(), IsolationLevel.READ_COMMITTED,
                timeout);
        final Map<TopicPartition, Long> end = of(admin, topic, OffsetSpec.latest(), IsolationLevel.READ_UNCOMMITTED,
                timeout);
        stable.entrySet().removeIf(partition -> partition.getValue() >= end.get(partition.getKey()));
        return stable;
    }
}
