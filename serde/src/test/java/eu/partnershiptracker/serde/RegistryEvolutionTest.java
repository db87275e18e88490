package eu.partnershiptracker.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.model.SchemaHistory;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Schema evolution through a real registry and topic: PolicyEvents written before the {@code notes} field existed, or
 * with the kept version 1 of the schema, are read into today's PolicyEvent class, with the new fields' defaults.
 */
@ExtendWith(RealInfrastructure.class)
class RegistryEvolutionTest {

    @Test
    void recordsWrittenWithTheOlderSchemaReadIntoTheNewerClass(final Infrastructure infra) throws Exception {
        final TopicRoundTrip topic = new TopicRoundTrip(infra, "evolution");
        final Schema before = withoutField(PolicyEvent.getClassSchema(), "notes");
        final PolicyEvent current = SamplePolicyEvents.correctionOf(SamplePolicyEvents.sdpSigned());
        final AvroSerializer<GenericRecord> oldProducer = new AvroSerializer<>();
        oldProducer.configure(Map.of("schema.registry.url", infra.registryUrl()), false);
        final SpecificAvroSerde<PolicyEvent> serde = new SpecificAvroSerde<>();
        serde.configure(Map.of("schema.registry.url", infra.registryUrl()), false);

        topic.produce(oldProducer, List.of(inSchema(current, before)));
        topic.produce(serde.serializer(), List.of(current));
        final List<ConsumerRecord<byte[], byte[]>> records = topic.consume(2);

        final PolicyEvent expectedOld = PolicyEvent.newBuilder(current).setNotes(null).build();
        assertThat(records).extracting(record -> serde.deserializer().deserialize(topic.topic(), record.value()))
                .containsExactly(expectedOld, current);
        final RegisteredSchema latest = new AvroSerdeConfig(Map.of("schema.registry.url", infra.registryUrl()))
                .registry().latest(topic.topic() + "-value");
        assertThat(latest.version()).isEqualTo(2);
        assertThat(WireFormat.schemaId(records.get(0).value())).isNotEqualTo(latest.id());
        assertThat(WireFormat.schemaId(records.get(1).value())).isEqualTo(latest.id());
    }

    @Test
    void recordsWrittenWithKeptVersionOneReadIntoTheCurrentClass(final Infrastructure infra) throws Exception {
        final TopicRoundTrip topic = new TopicRoundTrip(infra, "evolution-v1");
        final Schema v1 = SchemaHistory.of(PolicyEvent.getClassSchema()).version(1);
        final PolicyEvent signed = SamplePolicyEvents.sdpSigned();
        final PolicyEvent corrected = SamplePolicyEvents.correctionOf(signed);
        final AvroSerializer<GenericRecord> v1Producer = new AvroSerializer<>();
        v1Producer.configure(Map.of("schema.registry.url", infra.registryUrl()), false);
        final SpecificAvroSerde<PolicyEvent> serde = new SpecificAvroSerde<>();
        serde.configure(Map.of("schema.registry.url", infra.registryUrl()), false);

        topic.produce(v1Producer, List.of(inSchema(signed, v1), inSchema(corrected, v1)));
        assertThat(registry(infra).latest(topic.topic() + "-value").schema()).isEqualTo(v1);
        // The current application's serializer registers the current schema over v1 under the registry's BACKWARD rule.
        topic.produce(serde.serializer(), List.of(signed));
        final List<ConsumerRecord<byte[], byte[]>> records = topic.consume(3);

        assertThat(records).extracting(record -> serde.deserializer().deserialize(topic.topic(), record.value()))
                .containsExactly(signed, corrected, signed);
        final SchemaRegistry registry = registry(infra);
        final RegisteredSchema latest = registry.latest(topic.topic() + "-value");
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.schema()).isEqualTo(PolicyEvent.getClassSchema());
        assertThat(WireFormat.schemaId(records.get(0).value())).isEqualTo(registry.idOf(topic.topic() + "-value", v1));
    }

    /** A client of its own: the serdes' client keeps the latest version it has seen for its life. */
    private static SchemaRegistry registry(final Infrastructure infra) {
        return new AvroSerdeConfig(Map.of("schema.registry.url", infra.registryUrl())).registry();
    }

    private static Schema withoutField(final Schema schema, final String field) throws Exception {
        final ObjectNode json = (ObjectNode) new ObjectMapper().readTree(schema.toString());
        final ArrayNode fields = (ArrayNode) json.get("fields");
        for (int i = 0; i < fields.size(); i++) {
            if (field.equals(fields.get(i).get("name").asText())) {
                fields.remove(i);
            }
        }
        final Schema shorter = new Schema.Parser().parse(json.toString());
        assertThat(shorter.getField(field)).isNull();
        return shorter;
    }

    /** The event as a producer built against the older schema would have held it. */
    private static GenericRecord inSchema(final PolicyEvent event, final Schema older) throws Exception {
        return (GenericRecord) WireFormat.decode(WireFormat.encode(PolicyEvent.getClassSchema(), event), 0,
                new GenericDatumReader<>(PolicyEvent.getClassSchema(), older, GenericData.get()));
    }
}
