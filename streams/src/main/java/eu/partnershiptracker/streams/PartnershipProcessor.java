package eu.partnershiptracker.streams;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.core.changes.ChangeFeed;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.model.PartnershipState;
import eu.partnershiptracker.model.PolicyEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies each input event to its partnership's timeline and emits what changed.
 * <ul>
 * <li>Bytes that are not a readable PolicyEvent (not Avro, unknown schema id...): rejected.</li>
 * <li>New eventId: added to the timeline; if the current state changed, one PartnershipChange and the new state (or a
 *     tombstone when no effective fact is left) are emitted.</li>
 * <li>Known eventId, same content: a re-publish; nothing happens (counted as a duplicate).</li>
 * <li>Known eventId, different content, a key that is not the event's "ACTOR:COUNTERPART", or no value: rejected.</li>
 * </ul>
 * A rejected record goes to the dead-letter topic as it arrived (original bytes) with the reason in headers, is counted,
 * and processing continues. The value is deserialised here rather than by the source node so that every rejection,
 * unreadable bytes included, is forwarded inside the processing transaction; Kafka Streams' own dead-letter queue for
 * deserialisation errors (KIP-1034) lost its records under exactly_once_v2 in TopologyTestDriver (4.3.1).
 */
final class PartnershipProcessor implements Processor<String, byte[], String, Object> {

    private final Deserializer<PolicyEvent> events;

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, Timeline> timelines;
    private Sensor rejected;
    private Sensor duplicates;

    PartnershipProcessor(final Deserializer<PolicyEvent> events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public void init(final ProcessorContext<String, Object> processorContext) {
        this.context = processorContext;
        this.timelines = processorContext.getStateStore(PartnershipTopology.TIMELINE_STORE);
        final String task = processorContext.taskId().toString();
        this.rejected = processorContext.metrics().addRateTotalSensor(TrackerMetrics.SCOPE, task,
                TrackerMetrics.REJECTED, Sensor.RecordingLevel.INFO);
        this.duplicates = processorContext.metrics().addRateTotalSensor(TrackerMetrics.SCOPE, task,
                TrackerMetrics.DUPLICATE, Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(final Record<String, byte[]> record) {
        final RecordMetadata source = context.recordMetadata().orElseThrow();
        if (record.value() == null) {
            reject(record, source, DeadLetters.Rejection.NO_VALUE, "the record has no value");
            return;
        }
        final PolicyEvent event;
        try {
            event = events.deserialize(source.topic(), record.value());
        } catch (final SerializationException e) {
            // Only the record's own fault lands here. A registry outage is a SchemaRegistryUnavailableException,
            // which escapes on purpose so that OutageTolerantHandler retries instead of losing a good event.
            reject(record, source, DeadLetters.Rejection.UNREADABLE, String.valueOf(e.getMessage()));
            return;
        }
        final String partnership = PartnershipKey.of(event);
        if (!partnership.equals(record.key())) {
            reject(record, source, DeadLetters.Rejection.KEY_MISMATCH, "key '" + record.key() + "' is not the event's"
                    + " partnership '" + partnership + "' (event " + event.getEventId() + ")");
            return;
        }
        final Timeline timeline = Optional.ofNullable(timelines.get(partnership)).orElse(Timeline.EMPTY);
        final Optional<TimelineEntry> known = timeline.find(event.getEventId());
        if (known.isPresent()) {
            if (known.get().event().equals(event)) {
                duplicates.record();
            } else {
                reject(record, source, DeadLetters.Rejection.REUSED_EVENT_ID, "event id '" + event.getEventId()
                        + "' was first received with different content at offset " + known.get().offset());
            }
            return;
        }
        final TimelineEntry entry =
                new TimelineEntry(event, Instant.ofEpochMilli(record.timestamp()), source.partition(), source.offset());
        final ChangeFeed.Outcome outcome = ChangeFeed.accept(partnership, timeline, entry, source.topic());
        timelines.put(partnership, outcome.timeline());
        outcome.change().ifPresent(change -> emit(partnership, change, outcome.state(), record.timestamp()));
    }

    private void emit(final String partnership, final PartnershipChange change, final PartnershipState state,
            final long timestamp) {
        context.forward(new Record<>(partnership, change, timestamp), PartnershipTopology.CHANGES_SINK);
        context.forward(new Record<>(partnership, state, timestamp), PartnershipTopology.STATE_SINK);
    }

    private void reject(final Record<String, byte[]> record, final RecordMetadata source,
            final DeadLetters.Rejection rejection, final String reason) {
        final Headers headers = new RecordHeaders()
                .add(DeadLetters.REJECTION, utf8(rejection.name()))
                .add(DeadLetters.MESSAGE, utf8(reason))
                .add(DeadLetters.TOPIC, utf8(source.topic()))
                .add(DeadLetters.PARTITION, utf8(Integer.toString(source.partition())))
                .add(DeadLetters.OFFSET, utf8(Long.toString(source.offset())));
        context.forward(new Record<>(record.key(), record.value(), record.timestamp(), headers),
                PartnershipTopology.DEAD_LETTER_SINK);
        rejected.record();
    }

    @Override
    public void close() {
        // The sensors are per task: drop them when the task moves to another thread or instance.
        context.metrics().removeSensor(rejected);
        context.metrics().removeSensor(duplicates);
        events.close();
    }

    private static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
