package eu.partnershiptracker.benchmark.writes;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Counts, per topic, the records a Kafka Streams producer sends and their key and value bytes as serialised, before
 * compression: the producer's own byte-total metric counts compressed batches, and the brokers' sizes are after
 * compaction. Kafka Streams hands its producer byte arrays, so the lengths are the serialised sizes. Kafka creates the
 * interceptor from producer.interceptor.classes, so the counts go to the process-wide {@link TopicWrites#COUNTED}.
 */
public final class WriteCounter implements ProducerInterceptor<Object, Object> {

    @Override
    public ProducerRecord<Object, Object> onSend(final ProducerRecord<Object, Object> record) {
        TopicWrites.COUNTED.add(record.topic(), length(record.key()) + length(record.value()));
        return record;
    }

    private static long length(final Object bytes) {
        return bytes instanceof byte[] array ? array.length : 0;
    }

    @Override
    public void onAcknowledgement(final RecordMetadata metadata, final Exception exception) {
        // Sends are counted as they are made: an aborted transaction's records were written, and cost as much.
    }

    @Override
    public void close() {
        // Nothing held.
    }

    @Override
    public void configure(final Map<String, ?> configs) {
        // Nothing to configure.
    }
}
