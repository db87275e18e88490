package eu.partnershiptracker.query;

import eu.partnershiptracker.streams.PartnershipTopology;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where the data lives across the instances of the application: which instance owns a partnership, and which instances
 * there are. Built on the application.server each instance advertises.
 */
public final class MetadataService {

    private static final Comparator<HostInfo> BY_ADDRESS =
            Comparator.comparing(HostInfo::host).thenComparingInt(HostInfo::port);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final Serializer<String> keySerializer = Serdes.String().serializer();

    public MetadataService(final KafkaStreams streams, final HostInfo self) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.self = Objects.requireNonNull(self, "self");
    }

    public HostInfo self() {
        return self;
    }

    /**
     * Where this partnership lives: its partition, the instance with the active copy and those with standby copies.
     * While the application rebalances it is the assignment before the rebalance, which is what the copies still hold.
     */
    public KeyQueryMetadata locate(final String key) {
        Objects.requireNonNull(key, "key");
        LocalStore.requireReadable(streams);
        final KeyQueryMetadata metadata =
                streams.queryMetadataForKey(PartnershipTopology.TIMELINE_STORE, key, keySerializer);
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new QueryUnavailableException("no instance holds partnership " + key + " yet; retry in a moment");
        }
        return metadata;
    }

    /** Every partition of the store that some instance holds as active, as far as this instance knows. */
    public Set<Integer> partitions() {
        return streams.metadataForAllStreamsClients().stream()
                .filter(instance -> instance.stateStoreNames().contains(PartnershipTopology.TIMELINE_STORE))
                .flatMap(instance -> instance.topicPartitions().stream())
                .map(TopicPartition::partition)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every instance of the application, sorted by address. */
    public List<HostInfo> allInstances() {
        LocalStore.requireRunning(streams);
        final List<HostInfo> instances = streams.metadataForAllStreamsClients().stream()
                .map(StreamsMetadata::hostInfo)
                .distinct()
                .sorted(BY_ADDRESS)
                .toList();
        if (!instances.contains(self)) {
            throw new QueryUnavailableException("this instance is not part of the application's metadata yet; "
                    + "retry in a moment");
        }
        return instances;
    }
}
