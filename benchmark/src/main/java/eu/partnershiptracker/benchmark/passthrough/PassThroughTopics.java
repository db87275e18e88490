package eu.partnershiptracker.benchmark.passthrough;

import eu.partnershiptracker.benchmark.writes.OutputProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The pass-through's output topics: one per topic the tracker wrote, with its partitions and cleanup policy, so that
 * the broker does the same work (compaction of changelogs included) for both.
 */
public final class PassThroughTopics {

    private PassThroughTopics() {
    }

    /** Creates {@code prefix-0}, {@code prefix-1}... in the order of the profile's topics and returns their names. */
    public static List<String> create(final Admin admin, final OutputProfile profile, final String prefix)
            throws ExecutionException, InterruptedException {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(prefix, "prefix");
        final List<String> names = new ArrayList<>();
        final List<NewTopic> topics = new ArrayList<>();
        for (final OutputProfile.TopicOutput output : profile.topics()) {
            final String name = prefix + "-" + names.size();
            names.add(name);
            final int partitions = admin.describeTopics(List.of(output.topic())).allTopicNames().get()
                    .get(output.topic()).partitions().size();
            topics.add(new NewTopic(name, partitions, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                    cleanupPolicy(admin, output.topic()))));
        }
        admin.createTopics(topics).all().get();
        return names;
    }

    private static String cleanupPolicy(final Admin admin, final String topic)
            throws ExecutionException, InterruptedException {
        final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        final Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        return config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }
}
