package eu.partnershiptracker.streams.topology;

import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.model.PartnershipState;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.serde.SpecificAvroSerde;
import eu.partnershiptracker.streams.config.TrackerConfig;
import eu.partnershiptracker.streams.state.TimelineSerde;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The streams application's topology: policy events in; partnership changes, latest partnership states and dead letters
 * out; the timelines of all partnerships kept in the queryable store {@link TrackerConfig#TIMELINE_STORE}.
 * <pre>
 * events topic (Avro PolicyEvent) -&gt; partnership processor (+ timelines store) -+-&gt; changes topic (Avro PartnershipChange)
 *                                                                              +-&gt; state topic (Avro PartnershipState, tombstone on DELETE)
 *                                                                              +-&gt; dead-letter topic (original bytes, reason in headers)
 * </pre>
 * Input values are read as bytes and deserialised by the processor, which sends unreadable ones to the dead-letter
 * topic (see {@link PartnershipProcessor}).
 */
public final class PartnershipTopology {

    public static final String SOURCE = "policy-events-source";
    public static final String PROCESSOR = "partnership-processor";
    static final String CHANGES_SINK = "partnership-changes-sink";
    static final String STATE_SINK = "partnership-state-sink";
    static final String DEAD_LETTER_SINK = "dead-letter-sink";

    private PartnershipTopology() {
    }

    public static Topology buildTopology(final TrackerConfig config) {
        Objects.requireNonNull(config, "config");
        final TrackerConfig.Topics topics = config.topics();
        final Topology topology = new Topology();
        topology.addSource(SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), topics.events());
        // One deserializer per processor: each task may run on its own thread.
        topology.addProcessor(PROCESSOR,
                () -> new PartnershipProcessor(avroSerde(config, PolicyEvent.class).deserializer()), SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TrackerConfig.TIMELINE_STORE),
                Serdes.String(), new TimelineSerde()).withCachingEnabled(), PROCESSOR);
        topology.addSink(CHANGES_SINK, topics.changes(), new StringSerializer(),
                avroSerde(config, PartnershipChange.class).serializer(), PROCESSOR);
        topology.addSink(STATE_SINK, topics.state(), new StringSerializer(),
                avroSerde(config, PartnershipState.class).serializer(), PROCESSOR);
        topology.addSink(DEAD_LETTER_SINK, topics.deadLetter(), new StringSerializer(), new ByteArraySerializer(),
                PROCESSOR);
        return topology;
    }

    /** The type token only fixes T; the serde learns the schema from the records themselves. */
    private static <T extends SpecificRecord> SpecificAvroSerde<T> avroSerde(final TrackerConfig config,
            final Class<T> type) {
        Objects.requireNonNull(type, "type");
        final SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
        serde.configure(config.serdeConfig(), false);
        return serde;
    }
}
