package eu.partnershiptracker.demo;

import eu.partnershiptracker.streams.config.TrackerConfig;
import eu.partnershiptracker.streams.config.TrackerTopics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the application's topics with their required settings, leaving those that exist (a reused broker) alone. */
final class DemoTopics {

    private static final int PARTITIONS = 3;
    private static final long TIMEOUT_SECONDS = 30;

    private DemoTopics() {
    }

    /** Returns the names of all the application's topics. */
    static List<String> create(final TrackerConfig config) {
        final List<NewTopic> topics = TrackerTopics.all(config, PARTITIONS, (short) 1);
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)))) {
            for (final NewTopic topic : topics) {
                createUnlessPresent(admin, topic);
            }
        }
        return topics.stream().map(NewTopic::name).toList();
    }

    private static void createUnlessPresent(final Admin admin, final NewTopic topic) {
        try {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (final ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic.name() + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        } catch (final TimeoutException e) {
            throw new IllegalStateException("Kafka did not create topic " + topic.name() + " within "
                    + TIMEOUT_SECONDS + " s", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic.name(), e);
        }
    }
}
