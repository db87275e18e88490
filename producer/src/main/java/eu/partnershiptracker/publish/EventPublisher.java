package eu.partnershiptracker.publish;

import eu.partnershiptracker.events.EventFileReader;
import eu.partnershiptracker.events.SourcedEvent;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.serde.AvroDeserializer;
import eu.partnershiptracker.serde.AvroSerializer;
import eu.partnershiptracker.serde.SchemaRegistryUnavailableException;
import eu.partnershiptracker.validation.EventSetValidator;
import eu.partnershiptracker.validation.Problem;
import eu.partnershiptracker.validation.ValidationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes event files to the events topic: all or nothing, and never the same event twice.
 *
 * <p>The order of a run is what makes it safe. Files are read and checked first, without touching Kafka. Then the
 * transactional producer is initialised, which fences any earlier publisher with the same transactional id and settles
 * its open transaction, so the committed log that is read next is final. The new events are checked against that log
 * and serialised (registering the schema) before the transaction begins, so an unreachable registry or an invalid
 * event leaves nothing behind. Only then are the new events sent, in one transaction.
 */
public final class EventPublisher {

    private final EventFileReader reader;
    private final EventSetValidator validator = new EventSetValidator();

    public EventPublisher(final EventFileReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** What a run did. */
    public record Result(int published, int alreadyPublished, int unreadableOnTopic) {
    }

    /**
     * Reads and checks files without publishing. Corrections of events that are not in the files are checked only by
     * {@link #publish}, against the topic.
     */
    public List<SourcedEvent> validate(final List<Path> inputs) throws ValidationException {
        final List<SourcedEvent> events = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        for (final Path input : inputs) {
            final EventFileReader.Result result = reader.read(input);
            events.addAll(result.events());
            problems.addAll(result.problems());
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        validator.checkOffline(events);
        return events;
    }

    public Result publish(final List<Path> inputs, final PublishSettings settings)
            throws ValidationException, PublishException {
        Objects.requireNonNull(settings, "settings");
        final List<SourcedEvent> events = validate(inputs);
        try (Admin admin = Admin.create(settings.commonClientProperties())) {
            EventsTopic.ensure(admin, settings);
        }
        try (KafkaProducer<String, byte[]> producer = transactionalProducer(settings);
             AvroSerializer<PolicyEvent> serializer = new AvroSerializer<>();
             AvroDeserializer<PolicyEvent> deserializer = new AvroDeserializer<>()) {
            serializer.configure(registryConfig(settings, false), false);
            deserializer.configure(registryConfig(settings, true), false);
            initTransactions(producer, settings);
            final PublishedEvents.Snapshot onTopic = PublishedEvents.read(settings, deserializer);
            final EventSetValidator.Plan plan = validator.plan(events, onTopic.events());
            final List<ProducerRecord<String, byte[]>> records = serialise(plan.toPublish(), settings, serializer);
            if (!records.isEmpty()) {
                sendInOneTransaction(producer, records, settings);
            }
            return new Result(records.size(), plan.alreadyPublished(), onTopic.unreadable());
        } catch (final KafkaException e) {
            throw new PublishException("publishing to " + settings.topic() + " failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> registryConfig(final PublishSettings settings, final boolean reader) {
        final Map<String, Object> config = new java.util.HashMap<>(settings.clientConfig());
        config.put("schema.registry.url", settings.registryUrl());
        config.put("auto.register.schemas", !reader);
        config.put("specific.avro.reader", reader);
        return config;
    }

    private static KafkaProducer<String, byte[]> transactionalProducer(final PublishSettings settings) {
        final Map<String, Object> properties = settings.commonClientProperties();
        properties.put("acks", "all");
        properties.put("enable.idempotence", true);
        properties.put("transactional.id", settings.transactionalId());
        properties.put("max.block.ms", settings.timeout().toMillis());
        properties.put("delivery.timeout.ms", (int) Math.min(Integer.MAX_VALUE, Math.max(settings.timeout().toMillis() * 2, 30_000L)));
        properties.put("client.id", "partnership-tracker-publisher");
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    private static void initTransactions(final KafkaProducer<String, byte[]> producer,
            final PublishSettings settings) throws PublishException {
        try {
            producer.initTransactions();
        } catch (final org.apache.kafka.common.errors.TimeoutException e) {
            throw new PublishException("Kafka at " + settings.bootstrapServers()
                    + " did not set up a transaction within " + settings.timeout().toSeconds()
                    + " s; is the transaction coordinator available?", e);
        }
    }

    private static List<ProducerRecord<String, byte[]>> serialise(final List<SourcedEvent> events,
            final PublishSettings settings, final AvroSerializer<PolicyEvent> serializer) throws PublishException {
        final List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
        for (final SourcedEvent event : events) {
            try {
                records.add(new ProducerRecord<>(settings.topic(), event.partnershipKey(),
                        serializer.serialize(settings.topic(), event.event())));
            } catch (final SerializationException | SchemaRegistryUnavailableException e) {
                throw new PublishException("cannot serialise " + event.location().describe() + ": "
                        + e.getMessage(), e);
            }
        }
        return records;
    }

    private static void sendInOneTransaction(final KafkaProducer<String, byte[]> producer,
            final List<ProducerRecord<String, byte[]>> records, final PublishSettings settings)
            throws PublishException {
        producer.beginTransaction();
        try {
            final List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
            for (final ProducerRecord<String, byte[]> record : records) {
                sent.add(producer.send(record));
            }
            producer.flush();
            for (final Future<RecordMetadata> result : sent) {
                result.get();
            }
            producer.commitTransaction();
        } catch (final ExecutionException | KafkaException e) {
            abortQuietly(producer);
            final Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new PublishException("publishing to " + settings.topic() + " failed and was rolled back: "
                    + cause.getMessage(), cause);
        } catch (final InterruptedException e) {
            abortQuietly(producer);
            Thread.currentThread().interrupt();
            throw new PublishException("publishing was interrupted and rolled back", e);
        }
    }

    private static void abortQuietly(final KafkaProducer<String, byte[]> producer) {
        try {
            producer.abortTransaction();
        } catch (final KafkaException ignored) {
            // The transaction is already fenced or failed; the coordinator aborts it on its own.
        }
    }
}
