package eu.partnershiptracker.query.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.serde.AvroDeserializer;
import eu.partnershiptracker.serde.AvroSerdeConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/** Turns a record of the changes topic into the JSON the change stream sends. Safe to call from several threads. */
final class ChangeRenderer {

    private final AvroDeserializer<PartnershipChange> deserializer = new AvroDeserializer<>();
    private final ObjectMapper mapper;

    /** @param registryConfig the serde settings for the registry, e.g. from {@link AvroSerdeConfig#forRegistry} */
    ChangeRenderer(final Map<String, Object> registryConfig, final ObjectMapper mapper) {
        final Map<String, Object> config = new HashMap<>(Objects.requireNonNull(registryConfig, "registryConfig"));
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
        deserializer.configure(config, false);
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    StreamedChange render(final ConsumerRecord<String, byte[]> record) {
        try {
            return new StreamedChange(record.partition(), record.offset(),
                    mapper.writeValueAsString(deserializer.deserialize(record.topic(), record.value())));
        } catch (final JsonProcessingException | SerializationException e) {
            throw new IllegalStateException("cannot render change at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset() + ": " + e.getMessage(), e);
        }
    }
}
