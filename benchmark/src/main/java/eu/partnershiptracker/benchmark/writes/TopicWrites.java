package eu.partnershiptracker.benchmark.writes;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Records and uncompressed bytes sent per topic by the producers that carry a {@link WriteCounter}, counted since the
 * JVM started; a phase takes the difference of two {@link #snapshot()}s.
 */
public final class TopicWrites {

    /** The counts of every producer in this JVM that has the counter. */
    public static final TopicWrites COUNTED = new TopicWrites();

    /** What one topic received. */
    public record Written(long records, long bytes) {

        Written minus(final Written earlier) {
            return new Written(records - earlier.records, bytes - earlier.bytes);
        }
    }

    private final Map<String, LongAdder[]> counts = new ConcurrentHashMap<>();

    private TopicWrites() {
    }

    /** The Kafka Streams property that puts the counter on every producer of an application. */
    public static Map<String, String> streamsProperty() {
        return Map.of(StreamsConfig.producerPrefix(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG),
                WriteCounter.class.getName());
    }

    void add(final String topic, final long bytes) {
        final LongAdder[] topicCounts = counts.computeIfAbsent(topic, name -> new LongAdder[] {new LongAdder(),
            new LongAdder()});
        topicCounts[0].increment();
        topicCounts[1].add(bytes);
    }

    /** The counts so far, by topic. */
    public Map<String, Written> snapshot() {
        final Map<String, Written> snapshot = new TreeMap<>();
        counts.forEach((topic, topicCounts) -> snapshot.put(topic,
                new Written(topicCounts[0].sum(), topicCounts[1].sum())));
        return snapshot;
    }

    /** What was sent between two snapshots, topics that received nothing left out. */
    public static Map<String, Written> between(final Map<String, Written> before, final Map<String, Written> after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        final Map<String, Written> sent = new TreeMap<>();
        after.forEach((topic, written) -> {
            final Written difference = written.minus(before.getOrDefault(topic, new Written(0, 0)));
            if (difference.records() > 0) {
                sent.put(topic, difference);
            }
        });
        return sent;
    }
}
