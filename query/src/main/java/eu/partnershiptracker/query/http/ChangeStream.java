package eu.partnershiptracker.query.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.serde.AvroDeserializer;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/changes/stream}: the change topic as Server-Sent Events. Each client gets its own consumer, reading
 * committed records only, with every partition assigned and no consumer group (nothing to rebalance, nothing to
 * commit): from the end of the topic, or from the position in its Last-Event-ID. The consumer lives as long as the
 * client; a comment every {@link #HEARTBEAT} keeps proxies from closing an idle stream and reveals a client gone.
 */
final class ChangeStream implements Consumer<SseClient>, AutoCloseable {

    static final String PATH = "/api/changes/stream";
    static final String LAST_EVENT_ID = "Last-Event-ID";
    /** Sent once the stream is positioned: changes recorded from then on will reach the client. */
    static final String READY_COMMENT = "ready";

    private static final Logger LOG = LoggerFactory.getLogger(ChangeStream.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(250);

    private final Map<String, Object> consumerProperties;
    private final Map<String, Object> deserializerConfig;
    private final String topic;
    private final ObjectMapper mapper;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param clientProperties   Kafka client settings (bootstrap servers, security)
     * @param deserializerConfig the registry settings for reading PartnershipChange records
     */
    ChangeStream(final Map<String, Object> clientProperties, final Map<String, Object> deserializerConfig,
            final String topic, final ObjectMapper mapper) {
        this.consumerProperties = new HashMap<>(Objects.requireNonNull(clientProperties, "clientProperties"));
        consumerProperties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.deserializerConfig = new HashMap<>(Objects.requireNonNull(deserializerConfig, "deserializerConfig"));
        this.deserializerConfig.put("specific.avro.reader", true);
        this.topic = Objects.requireNonNull(topic, "topic");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** Rejects a malformed Last-Event-ID with a 400 before the stream starts (after that, the status is sent). */
    static void checkLastEventId(final Context ctx) {
        final String id = ctx.header(LAST_EVENT_ID);
        if (id != null && !id.isBlank()) {
            try {
                StreamPosition.parse(id);
            } catch (final IllegalArgumentException e) {
                throw ApiException.badRequest("header '" + LAST_EVENT_ID + "': " + e.getMessage());
            }
        }
    }

    /** How many clients are streaming now, counted once their stream is positioned. */
    int openStreams() {
        return open.get();
    }

    /** Runs on Javalin's async executor for as long as the client stays. */
    @OpenApi(path = PATH, summary = "Server-Sent Events: every PartnershipChange as it is committed",
            description = "Send 'Accept: text/event-stream'. Each event is 'event: change' with a PartnershipChange as"
                    + " its data, and an id giving the next offset of every partition of the changes topic"
                    + " (0:15,1:7,2:3). Reconnecting with that id in Last-Event-ID resumes right after the event;"
                    + " without it the stream starts at the end. The comment ': ready' says the stream is positioned,"
                    + " ': heartbeat' comments come after 15 s of silence.",
            headers = @OpenApiParam(name = LAST_EVENT_ID, example = "0:15,1:7,2:3",
                    description = "The id of the last event received: the stream resumes right after it."),
            responses = {
                @OpenApiResponse(status = "200", description = "The event stream; each event's data is a change",
                        content = @OpenApiContent(from = PartnershipChange.class, mimeType = "text/event-stream")),
                @OpenApiResponse(status = "400", description = "Last-Event-ID is not an id this API wrote",
                        content = @OpenApiContent(from = ApiError.class))})
    @Override
    public void accept(final SseClient client) {
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer());
             AvroDeserializer<PartnershipChange> changes = new AvroDeserializer<>()) {
            changes.configure(deserializerConfig, false);
            final Map<Integer, Long> next = position(consumer, client.ctx().header(LAST_EVENT_ID));
            open.incrementAndGet();
            try {
                client.sendComment(READY_COMMENT);
                stream(client, consumer, changes, next);
            } finally {
                open.decrementAndGet();
            }
        } catch (final RuntimeException e) {
            LOG.warn("change stream to {} failed: {}", client.ctx().ip(), e.toString());
        } finally {
            client.close();
        }
    }

    private void stream(final SseClient client, final KafkaConsumer<String, byte[]> consumer,
            final AvroDeserializer<PartnershipChange> changes, final Map<Integer, Long> next) {
        long lastWrite = System.nanoTime();
        while (!client.terminated() && !closed.get()) {
            for (final ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                next.put(record.partition(), record.offset() + 1);
                client.sendEvent("change", json(changes, record), new StreamPosition(next).encode());
                lastWrite = System.nanoTime();
            }
            if (System.nanoTime() - lastWrite >= HEARTBEAT.toNanos()) {
                client.sendComment("heartbeat");
                lastWrite = System.nanoTime();
            }
        }
    }

    private Map<Integer, Long> position(final KafkaConsumer<String, byte[]> consumer, final String lastEventId) {
        final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        if (lastEventId == null || lastEventId.isBlank()) {
            consumer.seekToEnd(partitions);
        } else {
            final StreamPosition resume = StreamPosition.parse(lastEventId);
            for (final TopicPartition partition : partitions) {
                final Long offset = resume.nextOffsets().get(partition.partition());
                if (offset == null) {
                    // A partition added since the client's last event: everything in it is new to the client.
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, offset);
                }
            }
        }
        final Map<Integer, Long> next = new HashMap<>();
        partitions.forEach(partition -> next.put(partition.partition(), consumer.position(partition)));
        return next;
    }

    private String json(final AvroDeserializer<PartnershipChange> changes,
            final ConsumerRecord<String, byte[]> record) {
        try {
            return mapper.writeValueAsString(changes.deserialize(record.topic(), record.value()));
        } catch (final JsonProcessingException | SerializationException e) {
            throw new IllegalStateException("cannot render change at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset() + ": " + e.getMessage(), e);
        }
    }

    /** Ends every stream within one poll. */
    @Override
    public void close() {
        closed.set(true);
    }
}
