package eu.partnershiptracker.app;

import eu.partnershiptracker.streams.config.TrackerConfig;
import eu.partnershiptracker.streams.config.TrackerTopics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the application's topics that do not exist yet, with the settings {@link TrackerTopics} gives them. */
final class TopicSetup {

    private TopicSetup() {
    }

    static void ensure(final ServeSettings settings, final TrackerConfig config) {
        final Map<String, Object> properties = new HashMap<>(settings.clientConfig());
        properties.put("bootstrap.servers", settings.bootstrapServers());
        final int millis = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
        properties.put("request.timeout.ms", millis);
        properties.put("default.api.timeout.ms", millis);
        try (Admin admin = Admin.create(properties)) {
            final Map<String, KafkaFuture<Void>> created = admin.createTopics(
                    TrackerTopics.all(config, settings.partitions(), settings.replicationFactor())).values();
            for (final Map.Entry<String, KafkaFuture<Void>> topic : created.entrySet()) {
                awaitCreated(topic.getKey(), topic.getValue(), settings);
            }
        }
    }

    private static void awaitCreated(final String topic, final KafkaFuture<Void> creation,
            final ServeSettings settings) {
        try {
            creation.get(settings.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (final ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(settings, e);
            }
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new ServiceStartException("Kafka at " + settings.bootstrapServers() + " refused to create topic "
                        + topic + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (final TimeoutException e) {
            throw unreachable(settings, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStartException("interrupted while creating topic " + topic, e);
        }
    }

    private static ServiceStartException unreachable(final ServeSettings settings, final Exception cause) {
        return new ServiceStartException("Kafka at " + settings.bootstrapServers() + " did not answer within "
                + settings.timeout().toSeconds() + " s; is it running and reachable?", cause);
    }
}
