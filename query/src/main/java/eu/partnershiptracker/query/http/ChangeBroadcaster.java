package eu.partnershiptracker.query.http;

import eu.partnershiptracker.cluster.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one consumer of the changes topic that feeds every client of the change stream on this instance, on a thread of
 * its own. It reads committed records only, with every partition assigned and no consumer group (nothing to rebalance,
 * nothing to commit), from the end of the topic on; renders each change once and appends it to the shared
 * {@link ChangeWindow}, where each client takes it at its own pace. It waits for the topic to exist (the HTTP API
 * starts before the tracker creates its topics), reads a partition added later from its beginning, and when its
 * consumer fails, starts a new one where the old one stood.
 */
final class ChangeBroadcaster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeBroadcaster.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration TOPIC_WAIT = Duration.ofSeconds(1);
    private static final Duration PARTITION_CHECK = Duration.ofSeconds(30);
    private static final Duration RESTART = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> consumerProperties;
    private final String topic;
    private final ChangeRenderer renderer;
    private final ChangeWindow window;
    private final Thread thread = new Thread(this::run, "change-broadcaster");
    /** The consumer of the moment, for {@link #close()} to wake from a blocking call. */
    private volatile KafkaConsumer<String, byte[]> consumer;

    /** @param clientProperties Kafka client settings (bootstrap servers, security) */
    ChangeBroadcaster(final Map<String, Object> clientProperties, final String topic, final ChangeRenderer renderer,
            final ChangeWindow window) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.window = Objects.requireNonNull(window, "window");
        this.consumerProperties = TopicReader.readerProperties(clientProperties, IsolationLevel.READ_COMMITTED);
        // Asking for the topic before the tracker creates it must not create it with the broker's defaults.
        consumerProperties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // No batch bigger than the window, which would put every client behind at once.
        consumerProperties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                Math.min(ConsumerConfig.DEFAULT_MAX_POLL_RECORDS, window.perPartition()));
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (!window.isClosed() && !Thread.currentThread().isInterrupted()) {
            try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(consumerProperties,
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = reader;
                follow(reader);
            } catch (final RuntimeException e) {
                // Closing wakes the consumer or cancels a retry; anything else is a failure to recover from.
                if (!window.isClosed()) {
                    LOG.error("the change stream's consumer of {} failed; a new one starts in {} s where it stood",
                            topic, RESTART.toSeconds(), e);
                    window.stayOpenFor(RESTART);
                }
            }
        }
    }

    private void follow(final KafkaConsumer<String, byte[]> reader) {
        final List<TopicPartition> partitions = awaitPartitions(reader);
        if (partitions.isEmpty()) {
            return;
        }
        assign(reader, partitions);
        long checked = System.nanoTime();
        while (!window.isClosed()) {
            final List<StreamedChange> changes = new ArrayList<>();
            for (final ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                renderer.render(record, window::stayOpenFor).ifPresent(changes::add);
            }
            window.append(changes, reader.assignment().stream()
                    .collect(Collectors.toMap(TopicPartition::partition, reader::position)));
            if (System.nanoTime() - checked > PARTITION_CHECK.toNanos()) {
                final List<TopicPartition> now = partitionsOf(reader);
                if (!reader.assignment().containsAll(now)) {
                    assign(reader, now);
                }
                checked = System.nanoTime();
            }
        }
    }

    /** The topic's partitions once it exists; none when the stream closes first. */
    private List<TopicPartition> awaitPartitions(final KafkaConsumer<String, byte[]> reader) {
        List<TopicPartition> partitions = partitionsOf(reader);
        while (partitions.isEmpty() && window.stayOpenFor(TOPIC_WAIT)) {
            partitions = partitionsOf(reader);
        }
        return partitions;
    }

    private List<TopicPartition> partitionsOf(final KafkaConsumer<String, byte[]> reader) {
        return reader.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    /**
     * Assigns the partitions, each where the window says the broadcaster stands in it. The first time there is no such
     * place and the stream starts at the end of the topic; a partition added later is new to every client, so it is
     * read from its beginning.
     */
    private void assign(final KafkaConsumer<String, byte[]> reader, final List<TopicPartition> partitions) {
        reader.assign(partitions);
        final Map<Integer, Long> known = window.position().nextOffsets();
        final List<TopicPartition> added = new ArrayList<>();
        for (final TopicPartition partition : partitions) {
            final Long next = known.get(partition.partition());
            if (next == null) {
                added.add(partition);
            } else {
                reader.seek(partition, next);
            }
        }
        if (known.isEmpty()) {
            reader.seekToEnd(added);
        } else {
            reader.seekToBeginning(added);
        }
        window.extend(added.stream().collect(Collectors.toMap(TopicPartition::partition, reader::position)));
    }

    /** Stops the consumer, and with the window every client's stream. */
    @Override
    public void close() {
        window.close();
        final KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(CLOSE_TIMEOUT.toMillis());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
