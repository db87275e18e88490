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
        return of(admin, partitions(admin, topic, timeout), spec, isolation, timeout);
    }

    /**
     * The partitions whose last stable offset is behind their end, with that offset: a transaction there is still
     * open, or committed or aborted but not marked in the log yet, so a read_committed reader stops before it.
     */
    public static Map<TopicPartition, Long> undecided(final Admin admin, final String topic, final Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(topic, "topic");
        // Both listings are of the same partitions: the topic is described once, not once per isolation level.
        final List<TopicPartition> partitions = partitions(admin, topic, timeout);
        final Map<TopicPartition, Long> stable = of(admin, partitions, OffsetSpec.latest(),
                IsolationLevel.READ_COMMITTED, timeout);
        final Map<TopicPartition, Long> end = of(admin, partitions, OffsetSpec.latest(),
                IsolationLevel.READ_UNCOMMITTED, timeout);
        stable.entrySet().removeIf(partition -> partition.getValue() >= end.get(partition.getKey()));
        return stable;
    }

    private static List<TopicPartition> partitions(final Admin admin, final String topic, final Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .get(topic).partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private static Map<TopicPartition, Long> of(final Admin admin, final List<TopicPartition> partitions,
            final OffsetSpec spec, final IsolationLevel isolation, final Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        final Map<TopicPartition, OffsetSpec> specs = new TreeMap<>(Comparator.comparingInt(TopicPartition::partition));
        partitions.forEach(partition -> specs.put(partition, spec));
        final Map<TopicPartition, Long> offsets = new TreeMap<>(Comparator.comparingInt(TopicPartition::partition));
        admin.listOffsets(specs, new ListOffsetsOptions(isolation)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }
}
