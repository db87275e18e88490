package eu.partnershiptracker.serde;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka Streams serde for generated Avro classes, mirroring Confluent's
 * io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde: configure it with the same map and it reads and writes
 * the same bytes, always reading into the generated class.
 */
public final class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer = new AvroSerializer<>();
    private final AvroDeserializer<T> deserializer = new AvroDeserializer<>();

    @Override
    public void configure(final Map<String, ?> configs, final boolean isKey) {
        final Map<String, Object> specific = new HashMap<>(Objects.requireNonNull(configs, "configs"));
        specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
        serializer.configure(specific, isKey);
        deserializer.configure(specific, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
