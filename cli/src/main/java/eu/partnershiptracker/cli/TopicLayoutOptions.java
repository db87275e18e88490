package eu.partnershiptracker.cli;

import eu.partnershiptracker.cluster.TrackerTopics;
import picocli.CommandLine.Option;

/** How a command lays out the topics it creates when they are missing; existing topics are left as they are. */
public final class TopicLayoutOptions {

    @Option(names = "--partitions", defaultValue = "" + TrackerTopics.DEFAULT_PARTITIONS,
            description = "Partitions of topics created when missing (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "Replication factor of topics created when missing (default: ${DEFAULT-VALUE}).")
    private short replicationFactor;

    public int partitions() {
        return partitions;
    }

    public short replicationFactor() {
        return replicationFactor;
    }
}
