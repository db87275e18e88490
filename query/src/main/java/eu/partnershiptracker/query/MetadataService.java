package eu.partnershiptracker.query;

import eu.partnershiptracker.streams.PartnershipTopology;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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

    /** The instance whose store holds this partnership. */
    public HostInfo ownerOf(final String key) {
        Objects.requireNonNull(key, "key");
        LocalStore.requireRunning(streams);
        final KeyQueryMetadata metadata =
                streams.queryMetadataForKey(PartnershipTopology.TIMELINE_STORE, key, keySerializer);
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)
                || HostInfo.unavailable().equals(metadata.activeHost())) {
            throw new QueryUnavailableException("no instance owns partnership " + key + " right now; retry in a moment");
        }
        return metadata.activeHost();
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
