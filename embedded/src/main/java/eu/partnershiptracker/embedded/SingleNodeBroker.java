package eu.partnershiptracker.embedded;

import java.util.Map;

/**
 * The broker settings a one-node cluster needs, whichever way it runs (the demo's child JVM, the tests' in-process
 * test kit): every internal topic with one replica, so that transactions (exactly-once Kafka Streams) work, and few
 * partitions for them, because creating fifty of each on first use only costs start-up time here.
 */
public final class SingleNodeBroker {

    public static final Map<String, String> SETTINGS = Map.ofEntries(
            Map.entry("num.partitions", "1"),
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("offsets.topic.num.partitions", "3"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("transaction.state.log.num.partitions", "3"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("min.insync.replicas", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0"));

    private SingleNodeBroker() {
    }
}
