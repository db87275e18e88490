package eu.partnershiptracker.serde;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer for Avro records (SpecificRecord or GenericRecord) in Confluent's wire format, a drop-in for
 * Confluent's KafkaAvroSerializer with the same config keys. The schema id comes, as in Confluent's serializer, from
 * registering the record's schema (auto.register.schemas, the default), else from the subject's latest version
 * (use.latest.version), else from looking the record's schema up under the subject.
 */
public final class AvroSerializer<T> implements Serializer<T> {

    private SchemaRegistry registry;
    private boolean isKey;
    private boolean autoRegister;
    private boolean useLatestVersion;

    @Override
    public void configure(final Map<String, ?> configs, final boolean isKey) {
        final AvroSerdeConfig config = new AvroSerdeConfig(Objects.requireNonNull(configs, "configs"));
        this.registry = config.registry();
        this.isKey = isKey;
        this.autoRegister = config.autoRegisterSchemas();
        this.useLatestVersion = config.useLatestVersion();
    }

    @Override
    public byte[] serialize(final String topic, final T data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroSerializer used before configure()");
        }
        if (!(data instanceof GenericContainer record)) {
            throw new SerializationException("AvroSerializer writes Avro records (SpecificRecord or GenericRecord), not "
                    + data.getClass().getName());
        }
        final String subject = TopicNameStrategy.subject(topic, isKey);
        try {
            if (autoRegister || !useLatestVersion) {
                final Schema schema = record.getSchema();
                final int id = autoRegister ? registry.register(subject, schema) : registry.idOf(subject, schema);
                return WireFormat.write(id, schema, data);
            }
            final RegisteredSchema latest = registry.latest(subject);
            return WireFormat.write(latest.id(), latest.schema(), asLatest(record, latest));
        } catch (final RegistryException e) {
            throw e.asKafkaException("cannot serialize to topic '" + topic + "' (subject '" + subject + "')");
        } catch (final SerializationException | SchemaRegistryUnavailableException e) {
            throw e;
        } catch (final RuntimeException e) {
            throw new SerializationException("cannot serialize to topic '" + topic + "': the "
                    + record.getSchema().getFullName() + " record does not match its schema: " + e, e);
        }
    }

    /**
     * The record re-expressed in the latest schema. Writing a record with a schema other than its own would misplace
     * fields, so it is resolved through Avro's schema resolution, which the latest schema must allow.
     */
    private static Object asLatest(final GenericContainer record, final RegisteredSchema latest) {
        final Schema own = record.getSchema();
        if (own.equals(latest.schema())) {
            return record;
        }
        final SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), own);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new RegistryException("the latest version (" + latest.version() + ", id " + latest.id() + ") of subject '"
                    + latest.subject() + "' cannot read records of the given schema: " + compatibility.getDescription(),
                    RegistryException.INCOMPATIBLE);
        }
        try {
            return WireFormat.decode(WireFormat.encode(own, record), 0,
                    new GenericDatumReader<>(own, latest.schema(), GenericData.get()));
        } catch (final IOException e) {
            throw new SerializationException("cannot re-express the record in the latest schema of subject '"
                    + latest.subject() + "'", e);
        }
    }
}
