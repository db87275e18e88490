package eu.partnershiptracker.serde;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for Avro in Confluent's wire format, a drop-in for Confluent's KafkaAvroDeserializer. The schema
 * the id names is the writer schema; with specific.avro.reader=true the generated class named by that schema supplies
 * the reader schema, so records written before the class's schema evolved still read. Otherwise records come back as
 * GenericRecord in the writer schema. A failure that is the record's fault (not Avro, an unknown schema id) is a
 * SerializationException, which Kafka Streams hands to its deserialization exception handler; a registry that cannot
 * be reached ({@link SchemaRegistryUnavailableException}) or is not at the configured URL
 * ({@link SchemaRegistryNotFoundException}) is not the record's fault, and is thrown as such.
 */
public final class AvroDeserializer<T> implements Deserializer<T> {

    private final Map<Integer, DatumReader<Object>> readersById = new ConcurrentHashMap<>();
    private SchemaRegistry registry;
    private boolean specificReader;

    @Override
    public void configure(final Map<String, ?> configs, final boolean isKey) {
        final AvroSerdeConfig config = new AvroSerdeConfig(Objects.requireNonNull(configs, "configs"));
        this.registry = config.registry();
        this.specificReader = config.specificAvroReader();
        readersById.clear();
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(final String topic, final byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroDeserializer used before configure()");
        }
        try {
            final int id = WireFormat.schemaId(data);
            final DatumReader<Object> reader = readersById.computeIfAbsent(id, this::readerFor);
            return (T) read(data, id, reader);
        } catch (final SerializationException e) {
            throw new SerializationException("cannot deserialize from topic '" + topic + "': " + e.getMessage(), e);
        }
    }

    private static Object read(final byte[] data, final int id, final DatumReader<Object> reader) {
        try {
            return WireFormat.read(data, reader);
        } catch (final IOException | RuntimeException e) {
            throw new SerializationException("the bytes are not valid Avro for schema id " + id + ": " + e, e);
        }
    }

    private DatumReader<Object> readerFor(final int id) {
        final Schema writer = writerSchema(id);
        if (!specificReader) {
            return new GenericDatumReader<>(writer, writer, GenericData.get());
        }
        final Class<?> type = SpecificData.get().getClass(writer);
        if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
            throw new SerializationException("specific.avro.reader is set but no SpecificRecord class "
                    + writer.getFullName() + " (named by schema id " + id + ") is on the classpath");
        }
        final SpecificData model = SpecificData.getForClass(type);
        return new SpecificDatumReader<>(writer, model.getSchema(type), model);
    }

    private Schema writerSchema(final int id) {
        try {
            return registry.schemaById(id);
        } catch (final RegistryException e) {
            if (e.errorCode() == RegistryException.SCHEMA_NOT_FOUND) {
                throw new SerializationException("unknown schema id " + id + ": schema registry at "
                        + registry.location() + " has no such schema (" + e.getMessage() + ")", e);
            }
            throw e.asKafkaException("cannot fetch schema id " + id);
        }
    }
}
