package eu.partnershiptracker.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The REST client against a real registry (Apicurio's Confluent-compatible API, BACKWARD by default). */
@ExtendWith(RealInfrastructure.class)
class ApicurioRegistryTest {

    private static final Schema V3_WITHOUT_DEFAULT = SchemaBuilder.record("Milestone")
            .namespace("eu.partnershiptracker.serde").fields()
            .requiredString("name").requiredString("status").requiredString("owner").endRecord();

    @Test
    void registersLooksUpAndFetchesVersions(final Infrastructure infra) {
        final RestSchemaRegistry registry = registry(infra);
        final String subject = infra.uniqueTopic("milestones") + "-value";

        final int v1 = registry.register(subject, Milestone.V1);

        assertThat(registry.register(subject, Milestone.V1)).isEqualTo(v1);
        assertThat(registry.idOf(subject, Milestone.V1)).isEqualTo(v1);
        assertThat(registry.schemaById(v1)).isEqualTo(Milestone.V1);
        assertThat(registry.latest(subject)).isEqualTo(new RegisteredSchema(subject, v1, 1, Milestone.V1));

        assertThat(registry.isCompatibleWithLatest(subject, Milestone.SCHEMA$)).isTrue();
        final int v2 = registry.register(subject, Milestone.SCHEMA$);

        assertThat(v2).isNotEqualTo(v1);
        assertThat(registry.latest(subject)).isEqualTo(new RegisteredSchema(subject, v2, 2, Milestone.SCHEMA$));
        assertThat(registry.schemaById(v1)).isEqualTo(Milestone.V1);
    }

    @Test
    void anIncompatibleSchemaIsRefusedWithTheRegistrysError(final Infrastructure infra) {
        final RestSchemaRegistry registry = registry(infra);
        final String subject = infra.uniqueTopic("milestones") + "-value";
        registry.register(subject, Milestone.SCHEMA$);

        assertThat(registry.isCompatibleWithLatest(subject, V3_WITHOUT_DEFAULT)).isFalse();
        assertThatThrownBy(() -> registry.register(subject, V3_WITHOUT_DEFAULT))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.INCOMPATIBLE))
                .hasMessageContaining("schema registry at " + infra.registryUrl())
                .hasMessageContaining("HTTP 409");
        assertThat(registry.latest(subject).version()).isEqualTo(1);
    }

    @Test
    void answersNotFoundWithConfluentsCodes(final Infrastructure infra) {
        final RestSchemaRegistry registry = registry(infra);
        final String subject = infra.uniqueTopic("milestones") + "-value";

        assertThatThrownBy(() -> registry.latest(subject))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.SUBJECT_NOT_FOUND));
        registry.register(subject, Milestone.V1);
        assertThatThrownBy(() -> registry.idOf(subject, Milestone.SCHEMA$))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.SCHEMA_NOT_FOUND));
        assertThatThrownBy(() -> registry.schemaById(Integer.MAX_VALUE))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.SCHEMA_NOT_FOUND));
    }

    @Test
    void theSerdesRoundTripThroughTheRegistryAndReportUnknownIds(final Infrastructure infra) {
        final String topic = infra.uniqueTopic("policy-events");
        final SpecificAvroSerde<PolicyEvent> serde = new SpecificAvroSerde<>();
        serde.configure(Map.of("schema.registry.url", infra.registryUrl()), false);
        final PolicyEvent event = SamplePolicyEvents.sdpSigned();

        assertThat(serde.deserializer().deserialize(topic, serde.serializer().serialize(topic, event))).isEqualTo(event);
        assertThatThrownBy(() -> serde.deserializer().deserialize(topic, new byte[] {0, 0x7f, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown schema id " + 0x7f000001)
                .hasMessageContaining("schema registry at " + infra.registryUrl());
    }

    @Test
    void aUrlWithoutTheConfluentApiIsAWrongUrlNeitherPoisonNorAnOutage(final Infrastructure infra) {
        final String topic = infra.uniqueTopic("policy-events");
        for (final String wrong : List.of(infra.registryBaseUrl(), infra.apicurioRegistryUrl())) {
            final Map<String, String> config = Map.of("schema.registry.url", wrong);
            final AvroSerializer<PolicyEvent> serializer = new AvroSerializer<>();
            serializer.configure(config, false);
            final AvroDeserializer<PolicyEvent> deserializer = new AvroDeserializer<>();
            deserializer.configure(config, false);

            assertThatThrownBy(() -> serializer.serialize(topic, SamplePolicyEvents.sdpSigned()))
                    .isInstanceOf(SchemaRegistryNotFoundException.class)
                    .isNotInstanceOf(SerializationException.class)
                    .isNotInstanceOf(RetriableException.class)
                    .hasMessage("schema registry at " + wrong + " answered POST /subjects/" + topic
                            + "-value/versions with HTTP 404 and no Confluent error code, so its Confluent API is not"
                            + " at that URL. For Apicurio Registry it is " + infra.registryUrl() + "; for Confluent"
                            + " Schema Registry and Karapace, the base URL");
            assertThatThrownBy(() -> deserializer.deserialize(topic, new byte[] {0, 0, 0, 0, 1, 0}))
                    .isInstanceOf(SchemaRegistryNotFoundException.class)
                    .hasMessageContaining("answered GET /schemas/ids/1 with HTTP 404")
                    .hasMessageContaining("For Apicurio Registry it is " + infra.registryUrl());
        }
    }

    @Test
    void confluentNotFoundCodesKeepTheirMeaning(final Infrastructure infra) {
        final String topic = infra.uniqueTopic("policy-events");
        final AvroSerializer<PolicyEvent> latestOnly = new AvroSerializer<>();
        latestOnly.configure(Map.of("schema.registry.url", infra.registryUrl(), "auto.register.schemas", false,
                "use.latest.version", true), false);
        final AvroDeserializer<PolicyEvent> deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of("schema.registry.url", infra.registryUrl()), false);

        assertThatThrownBy(() -> latestOnly.serialize(topic, SamplePolicyEvents.sdpSigned()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("HTTP 404, error_code 40401");
        assertThatThrownBy(() -> deserializer.deserialize(topic, new byte[] {0, 0x7f, 0, 0, 2, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown schema id " + 0x7f000002)
                .hasMessageContaining("error_code 40403");
    }

    @Test
    void theCheckPassesARegistryWithoutTheSubjectAndRefusesAWrongUrl(final Infrastructure infra) {
        final String topic = infra.uniqueTopic("policy-events");

        SchemaRegistryCheck.requireConfluentApi(AvroSerdeConfig.forRegistry(infra.registryUrl(), Map.of()), topic);

        assertThatThrownBy(() -> SchemaRegistryCheck.requireConfluentApi(
                AvroSerdeConfig.forRegistry(infra.registryBaseUrl(), Map.of()), topic))
                .isInstanceOf(SchemaRegistryNotFoundException.class)
                .hasMessageContaining("answered GET /subjects/" + topic + "-value/versions/latest with HTTP 404")
                .hasMessageContaining("For Apicurio Registry it is " + infra.registryUrl());
    }

    private static RestSchemaRegistry registry(final Infrastructure infra) {
        return new RestSchemaRegistry(List.of(infra.registryUrl()), Optional.empty(), Duration.ofSeconds(5),
                Duration.ofSeconds(10));
    }
}
