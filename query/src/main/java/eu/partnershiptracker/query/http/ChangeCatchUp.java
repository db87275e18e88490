package eu.partnershiptracker.query.http;

import eu.partnershiptracker.cluster.TopicReader;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Brings a client that resumes from further back than the {@link ChangeWindow} reaches up to it: a short-lived read of
 * the changes topic, on the client's own thread, from the client's position to where the broadcaster stood when the
 * client came. The window has every change after that, so the client goes on from it with nothing missed.
 */
final class ChangeCatchUp {

    /** How long the read may go without a record before it fails (and the client, reconnecting, tries again). */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Map<String, Object> clientProperties;
    private final String topic;
    private final ChangeRenderer renderer;

    /** @param clientProperties Kafka client settings (bootstrap servers, security) */
    ChangeCatchUp(final Map<String, Object> clientProperties, final String topic, final ChangeRenderer renderer) {
        this.clientProperties = Map.copyOf(Objects.requireNonNull(clientProperties, "clientProperties"));
        this.topic = Objects.requireNonNull(topic, "topic");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** Hands every change from {@code from} to just before {@code until} to {@code sink}, in offset order. */
    void read(final StreamPosition from, final StreamPosition until, final ChangeRenderer.Patience patience,
            final Consumer<StreamedChange> sink) {
        TopicReader.readCommitted(clientProperties, topic, new StringDeserializer(), new ByteArrayDeserializer(),
                from.nextOffsets(), until.nextOffsets(), PATIENCE,
                record -> renderer.render(record, patience).ifPresent(sink));
    }
}
