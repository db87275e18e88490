package eu.partnershiptracker.serde;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Conformance with an independent implementation of the Confluent wire format: Apicurio's own serde, through a real
 * topic and a real registry, in both directions.
 *
 * <p>The ids line up because Apicurio's Confluent-compatible API hands out content ids (one per distinct schema
 * text, like Confluent's ids), unless its legacy id mode is on ({@code registry.ccompat.legacy-id-mode.enabled},
 * environment ENABLE_CCOMPAT_LEGACY_ID_MODE), in which case it hands out global ids (one per artifact version).
 * Apicurio's serde must therefore put content ids on the wire ({@code apicurio.registry.use-id=contentId}). With its
 * default, global ids, the two diverge as soon as one schema text is registered under a second subject: the
 * Confluent API then answers "No content with id/hash 'contentId-N'" or, worse, another schema.
 * Apicurio logs "Duplicate id-handler configuration ... vs. as-confluent" for this config; as-confluent wins (the
 * test below checks that its bytes equal ours, so its ids are 4 bytes wide).
 */
@ExtendWith(RealInfrastructure.class)
class ApicurioSerdeConformanceTest {

    private static final List<PolicyEvent> EVENTS =
            List.of(SamplePolicyEvents.sdpSigned(), SamplePolicyEvents.correctionOf(SamplePolicyEvents.sdpSigned()));

    @Test
    void apicurioReadsWhatWeWrite(final Infrastructure infra) throws Exception {
        final TopicRoundTrip topic = new TopicRoundTrip(infra, "ours-to-apicurio");
        separateGlobalIdsFromContentIds(infra);
        final SpecificAvroSerde<PolicyEvent> ours = new SpecificAvroSerde<>();
        ours.configure(Map.of("schema.registry.url", infra.registryUrl()), false);
        final AvroKafkaDeserializer<PolicyEvent> apicurio = new AvroKafkaDeserializer<>();
        apicurio.configure(apicurioConfig(infra), false);

        topic.produce(ours.serializer(), EVENTS);
        final List<ConsumerRecord<byte[], byte[]>> records = topic.consume(EVENTS.size());

        assertThat(records).extracting(record -> (Object) apicurio.deserialize(topic.topic(), record.headers(), record.value()))
                .containsExactlyElementsOf(EVENTS);
    }

    @Test
    void weReadWhatApicurioWrites(final Infrastructure infra) throws Exception {
        final TopicRoundTrip topic = new TopicRoundTrip(infra, "apicurio-to-ours");
        separateGlobalIdsFromContentIds(infra);
        final AvroKafkaSerializer<PolicyEvent> apicurio = new AvroKafkaSerializer<>();
        apicurio.configure(apicurioConfig(infra), false);
        final SpecificAvroSerde<PolicyEvent> ours = new SpecificAvroSerde<>();
        ours.configure(Map.of("schema.registry.url", infra.registryUrl(), "auto.register.schemas", false), false);

        topic.produce(apicurio, EVENTS);
        final List<ConsumerRecord<byte[], byte[]>> records = topic.consume(EVENTS.size());

        assertThat(records).extracting(record -> ours.deserializer().deserialize(topic.topic(), record.value()))
                .containsExactlyElementsOf(EVENTS);
        // Apicurio registered the schema through its own API; the id it wrote is the id the Confluent API reports.
        final int registeredId = registry(infra).idOf(topic.topic() + "-value", PolicyEvent.getClassSchema());
        assertThat(records).extracting(record -> WireFormat.schemaId(record.value())).containsOnly(registeredId);
        assertThat(ours.serializer().serialize(topic.topic(), EVENTS.get(0))).isEqualTo(records.get(0).value());
    }

    /**
     * Registers the PolicyEvent schema under a subject of its own: the content id stays, but every later registration
     * of it gets a new global id, so a serde that confused the two would look up the wrong schema.
     */
    private static void separateGlobalIdsFromContentIds(final Infrastructure infra) {
        registry(infra).register(infra.uniqueTopic("id-spacer") + "-value", PolicyEvent.getClassSchema());
    }

    private static SchemaRegistry registry(final Infrastructure infra) {
        return new AvroSerdeConfig(Map.of("schema.registry.url", infra.registryUrl())).registry();
    }

    private static Map<String, Object> apicurioConfig(final Infrastructure infra) {
        return Map.of(
                "apicurio.registry.url", infra.apicurioRegistryUrl(),
                "apicurio.registry.as-confluent", true,
                "apicurio.registry.headers.enabled", false,
                "apicurio.registry.use-id", "contentId",
                "apicurio.registry.auto-register", true,
                "apicurio.registry.use-specific-avro-reader", true);
    }
}
