package eu.partnershiptracker.streams;

import eu.partnershiptracker.cluster.TopicNames;
import eu.partnershiptracker.cluster.TrackerTopics;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.model.PartnershipInstrument;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.serde.SpecificAvroSerde;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The streams application's topology: policy events in; partnership changes, latest instrument states and dead letters
 * out; the history of all partnerships kept as rows in the store {@link #ROWS_STORE} and, derived from them, an
 * in-memory index per partnership published in {@link PartnershipIndexes}.
 * <pre>
 * events topic (Avro PolicyEvent) -&gt; partnership processor (+ rows store) -+-&gt; changes topic (Avro PartnershipChange)
 *                                                                         +-&gt; instruments topic (Avro PartnershipInstrument per changed instrument, tombstone when it is gone)
 *                                                                         +-&gt; dead-letter topic (original bytes, reason in headers)
 * </pre>
 * The state topic of earlier versions (one PartnershipState per partnership, which grew with its instruments) is
 * retired: nothing writes it.
 * Input values are read as bytes and deserialised by the processor, which sends unreadable ones to the dead-letter
 * topic (see {@link PartnershipProcessor}).
 */
public final class PartnershipTopology {

    /** The store of partnership rows (see {@link PartnershipRows}); {@link #timelines()} reads it as timelines. */
    public static final String ROWS_STORE = "partnership-rows";
    /**
     * The store where versions before rows kept each partnership's timeline as one value; the processor moves them
     * into rows at init, so it stays empty. Partitioned as {@link #ROWS_STORE}: key metadata may name either.
     */
    public static final String TIMELINE_STORE = "partnership-timelines";

    private static final String SOURCE = "policy-events-source";
    private static final String PROCESSOR = "partnership-processor";
    static final String CHANGES_SINK = "partnership-changes-sink";
    static final String INSTRUMENTS_SINK = "partnership-instruments-sink";
    static final String DEAD_LETTER_SINK = "dead-letter-sink";

    private PartnershipTopology() {
    }

    /**
     * How interactive queries ask a running application for its share of the partnerships' timelines: String key
     * "ACTOR:COUNTERPART", value a Timeline rebuilt from the partnership's rows.
     */
    public static StoreQueryParameters<ReadOnlyKeyValueStore<String, Timeline>> timelines() {
        return StoreQueryParameters.fromNameAndType(ROWS_STORE, TimelineView.TYPE);
    }

    /** How interactive queries ask a running application for its share of the rows, to read with PartnershipRows. */
    public static StoreQueryParameters<ReadOnlyKeyValueStore<Bytes, byte[]>> rows() {
        return StoreQueryParameters.fromNameAndType(ROWS_STORE, QueryableStoreTypes.keyValueStore());
    }

    /** The topology with indexes that nothing reads. @see #buildTopology(TopicNames, Map, PartnershipIndexes) */
    public static Topology buildTopology(final TopicNames topics, final Map<String, ?> serdeConfig) {
        return buildTopology(topics, serdeConfig, new PartnershipIndexes());
    }

    /**
     * @param topics      the topics to read and write
     * @param serdeConfig the Avro serdes' settings: the registry URL and its credentials
     * @param indexes     where the processors publish their partnerships' indexes for this instance's queries
     */
    public static Topology buildTopology(final TopicNames topics, final Map<String, ?> serdeConfig,
            final PartnershipIndexes indexes) {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(indexes, "indexes");
        final Map<String, ?> serdes = Map.copyOf(Objects.requireNonNull(serdeConfig, "serdeConfig"));
        final Topology topology = new Topology();
        topology.addSource(SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), topics.events());
        // One deserializer per processor: each task may run on its own thread.
        topology.addProcessor(PROCESSOR,
                () -> new PartnershipProcessor(avroSerde(serdes, PolicyEvent.class).deserializer(), indexes), SOURCE);
        topology.addStateStore(rowsStore(), PROCESSOR);
        topology.addStateStore(timelineStore(), PROCESSOR);
        topology.addSink(CHANGES_SINK, topics.changes(), new StringSerializer(),
                avroSerde(serdes, PartnershipChange.class).serializer(), PROCESSOR);
        topology.addSink(INSTRUMENTS_SINK, topics.instruments(), new StringSerializer(),
                avroSerde(serdes, PartnershipInstrument.class).serializer(), PROCESSOR);
        topology.addSink(DEAD_LETTER_SINK, topics.deadLetter(), new StringSerializer(), new ByteArraySerializer(),
                PROCESSOR);
        return topology;
    }

    /**
     * The rows store; its changelog keeps the latest row per key, compacted as the instruments topic is. It has no
     * record cache: event and pointer rows are written once, so the cache merged only the head rows, and its sorted
     * maps, flushes and churn cost more than the head record per change it saved the changelog (at 1M events with
     * -Xmx512m, without it: 12 to 14% more events/s and about half the GC time, docs/BENCHMARKS.md).
     */
    static StoreBuilder<KeyValueStore<Bytes, byte[]>> rowsStore() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ROWS_STORE), Serdes.Bytes(),
                Serdes.ByteArray()).withCachingDisabled().withLoggingEnabled(TrackerTopics.LATEST_PER_KEY);
    }

    /**
     * The store of whole timelines written before the rows: read once on upgrade, then empty. Its changelog keeps the
     * latest timeline per key, compacted as the instruments topic is.
     */
    static StoreBuilder<KeyValueStore<String, Timeline>> timelineStore() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TIMELINE_STORE), Serdes.String(),
                new TimelineSerde()).withCachingEnabled().withLoggingEnabled(TrackerTopics.LATEST_PER_KEY);
    }

    /** The type token only fixes T; the serde learns the schema from the records themselves. */
    private static <T extends SpecificRecord> SpecificAvroSerde<T> avroSerde(final Map<String, ?> serdeConfig,
            final Class<T> type) {
        Objects.requireNonNull(type, "type");
        final SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
        serde.configure(serdeConfig, false);
        return serde;
    }
}
