package eu.partnershiptracker.benchmark.streams;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/** Bytes on disk per topic, from the brokers' log directories: how much the topology writes for what it reads. */
public final class TopicSizes {

    private TopicSizes() {
    }

    public static Map<String, Long> of(final Admin admin) throws ExecutionException, InterruptedException {
        final Map<String, Long> sizes = new TreeMap<>();
        final var brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
        for (final Map<String, LogDirDescription> directories : admin.describeLogDirs(brokers).allDescriptions().get()
                .values()) {
            for (final LogDirDescription directory : directories.values()) {
                for (final Map.Entry<TopicPartition, ReplicaInfo> replica : directory.replicaInfos().entrySet()) {
                    sizes.merge(replica.getKey().topic(), replica.getValue().size(), Long::sum);
                }
            }
        }
        return sizes;
    }
}
