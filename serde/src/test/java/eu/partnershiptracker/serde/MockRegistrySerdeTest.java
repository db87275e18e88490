package eu.partnershiptracker.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.partnershiptracker.model.PolicyEvent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The serdes end to end against the mock:// registry: what a TopologyTestDriver test relies on. */
class MockRegistrySerdeTest {

    private static final String TOPIC = "policy-events";

    private final String scope = "serde-" + UUID.randomUUID();

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void specificRecordsRoundTripFieldForField() {
        final SpecificAvroSerde<PolicyEvent> serde = serde(Map.of());
        final PolicyEvent signed = SamplePolicyEvents.sdpSigned();
        final PolicyEvent corrected = SamplePolicyEvents.correctionOf(signed);

        assertThat(roundTrip(serde, signed)).isEqualTo(signed);
        assertThat(roundTrip(serde, corrected)).isEqualTo(corrected);
        assertThat(registry().latest(TOPIC + "-value").schema()).isEqualTo(PolicyEvent.getClassSchema());
    }

    @Test
    void keysGoToTheKeySubject() {
        final SpecificAvroSerde<Milestone> serde = new SpecificAvroSerde<>();
        serde.configure(Map.of("schema.registry.url", "mock://" + scope), true);

        serde.serializer().serialize(TOPIC, new Milestone("signing", "DONE"));

        assertThat(registry().latest(TOPIC + "-key").schema()).isEqualTo(Milestone.SCHEMA$);
    }

    @Test
    void nullIsATombstoneBothWays() {
        final SpecificAvroSerde<PolicyEvent> serde = serde(Map.of());

        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void withoutSpecificReaderRecordsComeBackGeneric() {
        final AvroSerializer<Object> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", "mock://" + scope), false);
        final AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of("schema.registry.url", "mock://" + scope), false);

        final Object read = deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, SamplePolicyEvents.sdpSigned()));

        assertThat(read).isInstanceOf(GenericRecord.class);
        final GenericRecord event = (GenericRecord) read;
        assertThat(event.get("counterpart")).hasToString("JP");
        assertThat(((GenericRecord) event.get("eventDate")).get("date"))
                .isEqualTo((int) LocalDate.of(2024, 11, 1).toEpochDay());
    }

    @Test
    void oldRecordsReadIntoTheEvolvedClassWithTheDefault() {
        final AvroSerializer<GenericRecord> oldProducer = new AvroSerializer<>();
        oldProducer.configure(Map.of("schema.registry.url", "mock://" + scope), false);
        final GenericRecord old = new GenericData.Record(Milestone.V1);
        old.put("name", "exploratory talks");
        final byte[] written = oldProducer.serialize(TOPIC, old);
        final SpecificAvroSerde<Milestone> newConsumer = serde(Map.of());

        final Milestone read = newConsumer.deserializer().deserialize(TOPIC, written);

        assertThat(read.name()).isEqualTo("exploratory talks");
        assertThat(read.status()).isEqualTo("PLANNED");
        assertThat(WireFormat.schemaId(written)).isEqualTo(registry().idOf(TOPIC + "-value", Milestone.V1));
    }

    @Test
    void anIncompatibleSchemaIsRefusedWithTheRegistrysReason() {
        final SpecificAvroSerde<Milestone> serde = serde(Map.of());
        serde.serializer().serialize(TOPIC, new Milestone("signing", "DONE"));
        final AvroSerializer<GenericRecord> regressed = new AvroSerializer<>();
        regressed.configure(Map.of("schema.registry.url", "mock://" + scope), false);
        // A new field without a default: version 2 data could not be read with it.
        final GenericRecord withOwner = new GenericData.Record(SchemaBuilder.record("Milestone")
                .namespace("eu.partnershiptracker.serde").fields()
                .requiredString("name").requiredString("status").requiredString("owner").endRecord());
        withOwner.put("name", "signing");
        withOwner.put("status", "DONE");
        withOwner.put("owner", "EEAS");

        assertThatThrownBy(() -> regressed.serialize(TOPIC, withOwner))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("subject '" + TOPIC + "-value'")
                .hasMessageContaining("incompatible");
    }

    @Test
    void withoutAutoRegistrationTheSchemaMustBeRegistered() {
        final SpecificAvroSerde<Milestone> lookupOnly = serde(Map.of("auto.register.schemas", false));
        final Milestone milestone = new Milestone("signing", "DONE");

        assertThatThrownBy(() -> lookupOnly.serializer().serialize(TOPIC, milestone))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not found");
        final int id = registry().register(TOPIC + "-value", Milestone.SCHEMA$);
        assertThat(WireFormat.schemaId(lookupOnly.serializer().serialize(TOPIC, milestone))).isEqualTo(id);
    }

    @Test
    void useLatestVersionWritesOldRecordsInTheLatestSchema() {
        final int latestId = registry().register(TOPIC + "-value", Milestone.SCHEMA$);
        final AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", "mock://" + scope,
                "auto.register.schemas", false, "use.latest.version", true), false);
        final GenericRecord old = new GenericData.Record(Milestone.V1);
        old.put("name", "negotiations");

        final byte[] written = serializer.serialize(TOPIC, old);

        assertThat(WireFormat.schemaId(written)).isEqualTo(latestId);
        final Milestone read = this.<Milestone>serde(Map.of()).deserializer().deserialize(TOPIC, written);
        assertThat(read.name()).isEqualTo("negotiations");
        assertThat(read.status()).isEqualTo("PLANNED");
    }

    @Test
    void anUnknownSchemaIdNamesTheIdAndTheRegistry() {
        final byte[] unknownId = {0, 0, 0, 0x30, 0x39, 2, 'x'};

        assertThatThrownBy(() -> serde(Map.of()).deserializer().deserialize(TOPIC, unknownId))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic '" + TOPIC + "'")
                .hasMessageContaining("unknown schema id 12345")
                .hasMessageContaining("mock://" + scope);
    }

    @Test
    void bytesThatAreNotAvroForTheSchemaAreRefused() {
        final SpecificAvroSerde<PolicyEvent> serde = serde(Map.of());
        final byte[] valid = serde.serializer().serialize(TOPIC, SamplePolicyEvents.sdpSigned());
        final byte[] truncated = Arrays.copyOf(valid, valid.length / 2);
        final byte[] garbage = Arrays.copyOf(valid, valid.length);
        Arrays.fill(garbage, WireFormat.HEADER_LENGTH, garbage.length, (byte) 0xff);

        for (final byte[] poison : new byte[][] {truncated, garbage}) {
            assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, poison))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("not valid Avro for schema id " + WireFormat.schemaId(valid));
        }
    }

    @Test
    void wrongMagicByteAndShortPayloadsAreRefused() {
        final SpecificAvroSerde<PolicyEvent> serde = serde(Map.of());

        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, "{\"eventId\":1}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown magic byte 0x7b");
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void refusesValuesThatAreNotAvroRecords() {
        final AvroSerializer<Object> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", "mock://" + scope), false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, "plain string"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void aRecordThatBreaksItsSchemaIsRefused() {
        final SpecificAvroSerde<PolicyEvent> serde = serde(Map.of());
        final PolicyEvent incomplete = SamplePolicyEvents.sdpSigned();
        incomplete.setCounterpart(null);

        assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, incomplete))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("does not match its schema");
    }

    private <T extends org.apache.avro.specific.SpecificRecord> SpecificAvroSerde<T> serde(final Map<String, ?> extra) {
        final Map<String, Object> configs = new HashMap<>(extra);
        configs.put("schema.registry.url", "mock://" + scope);
        final SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
        serde.configure(configs, false);
        return serde;
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> T roundTrip(final SpecificAvroSerde<T> serde,
                                                                                   final T value) {
        return serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, value));
    }

    private InMemorySchemaRegistry registry() {
        return MockSchemaRegistry.forScope(scope);
    }
}
