package eu.partnershiptracker.streams;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.core.changes.IncrementalChangeFeed;
import eu.partnershiptracker.core.changes.PublishedInstrument;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.core.index.PartnershipIndex;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.model.PolicyEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies each input event to its partnership's rows and index and emits what changed, at a cost that does not grow
 * with the partnership's history.
 * <ul>
 * <li>Bytes that are not a readable PolicyEvent (not Avro, unknown schema id...): rejected.</li>
 * <li>New eventId (told without a store read when {@link KnownEventIds} has never seen its hash): stored as a row
 *     ({@link PartnershipRows}) and accepted by the partnership's {@link PartnershipIndex}
 *     ({@link IncrementalChangeFeed}); if the current state changed, one PartnershipChange carrying only the changed
 *     instruments is emitted, and for each of those instruments one PartnershipInstrument (its current state without
 *     eventIds, and its conflicts) on the instruments topic, or a tombstone when it has no effective fact left.</li>
 * <li>Known eventId, same content: a re-publish; nothing happens (counted as a duplicate).</li>
 * <li>Known eventId, different content, a key that is not the event's "ACTOR:COUNTERPART", or no value: rejected.</li>
 * </ul>
 * A rejected record goes to the dead-letter topic as it arrived (original bytes) with the reason in headers, is counted,
 * and processing continues. The value is deserialised here rather than by the source node so that every rejection,
 * unreadable bytes included, is forwarded inside the processing transaction; Kafka Streams' own dead-letter queue for
 * deserialisation errors (KIP-1034) lost its records under exactly_once_v2 in TopologyTestDriver (4.3.1).
 *
 * <p>At init, which runs after restore, the task's indexes are rebuilt from its rows and published in
 * {@link PartnershipIndexes}, and the task's {@link KnownEventIds} from the same scan; timelines that versions before
 * rows kept whole in {@link PartnershipTopology#TIMELINE_STORE} are first moved into rows, so an upgrade needs no reset.
 */
final class PartnershipProcessor implements Processor<String, byte[], String, Object> {

    private final Deserializer<PolicyEvent> events;
    private final PartnershipIndexes published;

    private ProcessorContext<String, Object> context;
    private PartnershipRows rows;
    private ConcurrentHashMap<String, PartnershipIndex> indexes;
    /** The ids of the task's rows, so that a new event skips the store reads of the duplicate check. */
    private KnownEventIds knownIds;
    private String task;
    private Sensor rejected;
    private Sensor duplicates;

    PartnershipProcessor(final Deserializer<PolicyEvent> events, final PartnershipIndexes published) {
        this.events = Objects.requireNonNull(events, "events");
        this.published = Objects.requireNonNull(published, "published");
    }

    @Override
    public void init(final ProcessorContext<String, Object> processorContext) {
        this.context = processorContext;
        final KeyValueStore<Bytes, byte[]> store = processorContext.getStateStore(PartnershipTopology.ROWS_STORE);
        this.rows = PartnershipRows.writable(store);
        this.task = processorContext.taskId().toString();
        moveTimelinesIntoRows(processorContext.getStateStore(PartnershipTopology.TIMELINE_STORE));
        this.indexes = new ConcurrentHashMap<>();
        this.knownIds = new KnownEventIds();
        try (KeyValueIterator<String, Timeline> timelines = rows.timelines()) {
            timelines.forEachRemaining(timeline -> {
                indexes.put(timeline.key, PartnershipIndex.of(timeline.value.changeCount(), timeline.value.entries()));
                timeline.value.entries().forEach(entry -> knownIds.add(timeline.key, entry.eventId()));
            });
        }
        published.openTask(processorContext.taskId(), indexes);
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
        if (knownIds.mightContain(partnership, event.getEventId())) {
            final Optional<TimelineEntry> known = rows.find(partnership, event.getEventId());
            if (known.isPresent()) {
                if (known.get().event().equals(event)) {
                    duplicates.record();
                } else {
                    reject(record, source, DeadLetters.Rejection.REUSED_EVENT_ID, "event id '" + event.getEventId()
                            + "' was first received with different content at offset " + known.get().offset());
                }
                return;
            }
        }
        final TimelineEntry entry =
                new TimelineEntry(event, Instant.ofEpochMilli(record.timestamp()), source.partition(), source.offset());
        // Known before stored: should the put fail, the table holds one id too many, which costs a read, never one
        // too few, which would let a reused id through.
        knownIds.add(partnership, event.getEventId());
        rows.put(partnership, entry);
        final IncrementalChangeFeed.Outcome outcome = IncrementalChangeFeed.accept(partnership,
                indexes.getOrDefault(partnership, PartnershipIndex.EMPTY), entry, rows.lookup(partnership),
                source.topic());
        indexes.put(partnership, outcome.index());
        outcome.change().ifPresent(change -> {
            rows.putChangeCount(partnership, outcome.index().changeCount());
            emit(partnership, change, outcome.instruments(), record.timestamp());
        });
    }

    /** Rewrites each timeline the previous version stored as one value into rows, and deletes the value. */
    private void moveTimelinesIntoRows(final KeyValueStore<String, Timeline> timelines) {
        final List<String> partnerships = new ArrayList<>();
        try (KeyValueIterator<String, Timeline> all = timelines.all()) {
            all.forEachRemaining(stored -> partnerships.add(stored.key));
        }
        for (final String partnership : partnerships) {
            final Timeline timeline = timelines.get(partnership);
            timeline.entries().forEach(entry -> rows.put(partnership, entry));
            rows.putChangeCount(partnership, timeline.changeCount());
            timelines.delete(partnership);
        }
    }

    private void emit(final String partnership, final PartnershipChange change,
            final List<PublishedInstrument> instruments, final long timestamp) {
        context.forward(new Record<>(partnership, change, timestamp), PartnershipTopology.CHANGES_SINK);
        for (final PublishedInstrument instrument : instruments) {
            context.forward(new Record<>(instrument.key(), instrument.value(), timestamp),
                    PartnershipTopology.INSTRUMENTS_SINK);
        }
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
        published.closeTask(context.taskId());
        knownIds = null;
        // The sensors are per task: drop them when the task moves to another thread or instance.
        context.metrics().removeSensor(rejected);
        context.metrics().removeSensor(duplicates);
        events.close();
    }

    private static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
