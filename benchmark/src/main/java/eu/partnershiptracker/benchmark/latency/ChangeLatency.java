package eu.partnershiptracker.benchmark.latency;

import eu.partnershiptracker.cluster.TopicOffsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Change latency as a reader sees it: a read_committed consumer on the changes topic records, for every change, now
 * minus the record's timestamp, which the topology carries over from the input event (its publish time), so the figure
 * runs from publish to the committed change. Starts at the topic's end, so only changes published from now count.
 */
public final class ChangeLatency implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);
    /** Up to an hour, in milliseconds, to three significant digits. */
    private static final long HIGHEST_MILLIS = TimeUnit.HOURS.toMillis(1);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Histogram histogram = new Histogram(HIGHEST_MILLIS, 3);
    private final AtomicReference<Map<TopicPartition, Long>> stopAt = new AtomicReference<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Thread reader;

    private ChangeLatency(final Map<String, Object> clientProperties, final String topic) {
        final Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(partition -> new TopicPartition(topic, partition.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.reader = new Thread(this::read, "change-latency");
        reader.setDaemon(true);
    }

    /** Starts reading {@code topic} from its end. */
    public static ChangeLatency start(final Map<String, Object> clientProperties, final String topic) {
        Objects.requireNonNull(clientProperties, "clientProperties");
        Objects.requireNonNull(topic, "topic");
        final ChangeLatency latency = new ChangeLatency(clientProperties, topic);
        latency.reader.start();
        return latency;
    }

    private void read() {
        try {
            while (!done.isDone()) {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    histogram.recordValue(Math.min(HIGHEST_MILLIS, Math.max(0,
                            System.currentTimeMillis() - record.timestamp())));
                }
                final Map<TopicPartition, Long> ends = stopAt.get();
                if (ends != null && ends.entrySet().stream()
                        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                    done.complete(null);
                }
            }
        } catch (final RuntimeException e) {
            done.completeExceptionally(e);
        } finally {
            consumer.close();
        }
    }

    /**
     * Once the application has processed everything published: reads up to the committed end of the topic, then stops
     * and returns the figures.
     */
    public LatencyFigures finish(final Admin admin, final Duration timeout) throws ExecutionException,
            InterruptedException, TimeoutException {
        Objects.requireNonNull(admin, "admin");
        stopAt.set(TopicOffsets.of(admin, topic, OffsetSpec.latest(), IsolationLevel.READ_COMMITTED, timeout));
        done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        reader.join(timeout.toMillis());
        return new LatencyFigures(histogram.getTotalCount(), histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9), histogram.getMaxValue());
    }

    /** Stops reading without figures (a failed phase). */
    @Override
    public void close() {
        done.complete(null);
    }
}
