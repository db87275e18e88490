package eu.partnershiptracker.producer.publish;

import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.cluster.TopicSetupException;
import eu.partnershiptracker.cluster.TrackerTopics;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.producer.eventfiles.EventFiles;
import eu.partnershiptracker.producer.eventfiles.EventSetValidator;
import eu.partnershiptracker.producer.eventfiles.SourcedEvent;
import eu.partnershiptracker.producer.eventfiles.ValidationException;
import eu.partnershiptracker.serde.AvroDeserializer;
import eu.partnershiptracker.serde.AvroSerdeConfig;
import eu.partnershiptracker.serde.AvroSerializer;
import eu.partnershiptracker.serde.SchemaRegistryCheck;
import eu.partnershiptracker.serde.SchemaRegistryNotFoundException;
import eu.partnershiptracker.serde.SchemaRegistryUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes checked events (see {@link EventFiles}) to the events topic: all or nothing, and never the same event
 * twice.
 *
 * <p>The order of a run is what makes it safe. The events arrive checked, without Kafka having been touched. The
 * registry is asked whether its Confluent API is at the URL, so that a wrong URL is refused before Kafka is touched
 * either. Then the transactional producer is initialised, which fences any earlier publisher with the same
 * transactional id and settles its open transaction, so the committed log that is read next is final. The new events
 * are checked against that log and serialised (registering the schema) before the transaction begins, so an
 * unreachable registry or an invalid event leaves nothing behind. A log that cannot be read in full (a registry
 * that lost its schemas) stops the run there, unless the caller says otherwise: the skip check would miss what is
 * already there. Only then are the new events sent, in one transaction.
 */
public final class EventPublisher {

    private final EventSetValidator validator = new EventSetValidator();

    /**
     * What a run did. {@code derivedDiffer} counts the already published events that state the same but carry other
     * names or order bounds than the files now give them: they stay as published.
     */
    public record Result(int published, int alreadyPublished, int derivedDiffer, int unreadableOnTopic) {
    }

    /**
     * Publishes the events that are not on the topic yet, creating the topic if it is missing; refuses when records
     * on the topic cannot be read ({@link OnUnreadable#REFUSE}).
     *
     * @see #publish(List, PublishSettings, OnUnreadable)
     */
    public Result publish(final List<SourcedEvent> events, final PublishSettings settings)
            throws ValidationException, PublishException {
        return publish(events, settings, OnUnreadable.REFUSE);
    }

    /**
     * Publishes the events that are not on the topic yet, creating the topic if it is missing.
     *
     * @param events       events checked by {@link EventFiles#check}
     * @param onUnreadable whether records on the topic that cannot be read as events stop the run; they are checked
     *                     before anything is serialised, so a refused run registers no schema either
     * @throws ValidationException when an event clashes with the topic: an id published with other content, or a
     *                             correction of an event that is neither in the run nor on the topic
     * @throws PublishException    when Kafka or the registry cannot be reached, the registry is not at its URL
     *                             ({@link PublishException.Kind#WRONG_REGISTRY_URL}), records on the topic are
     *                             unreadable and {@code onUnreadable} refuses them
     *                             ({@link PublishException.Kind#UNREADABLE_RECORDS}), the topic is unfit, or the
     *                             transaction fails; nothing was published then
     */
    public Result publish(final List<SourcedEvent> events, final PublishSettings settings,
            final OnUnreadable onUnreadable) throws ValidationException, PublishException {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(onUnreadable, "onUnreadable");
        try {
            SchemaRegistryCheck.requireConfluentApi(registryConfig(settings, false), settings.topic());
            ensureTopic(settings);
            try (KafkaProducer<String, byte[]> producer = transactionalProducer(settings);
                 AvroSerializer<PolicyEvent> serializer = new AvroSerializer<>();
                 AvroDeserializer<PolicyEvent> deserializer = new AvroDeserializer<>()) {
                serializer.configure(registryConfig(settings, false), false);
                deserializer.configure(registryConfig(settings, true), false);
                initTransactions(producer, settings);
                final PublishedEvents.Snapshot onTopic = PublishedEvents.read(settings, deserializer);
                onUnreadable.check(onTopic.unreadable(), settings);
                final EventSetValidator.Plan plan = validator.plan(events, onTopic.events());
                final List<ProducerRecord<String, byte[]>> records = serialise(plan.toPublish(), settings, serializer);
                if (!records.isEmpty()) {
                    sendInOneTransaction(producer, records, settings);
                }
                return new Result(records.size(), plan.alreadyPublished(), plan.derivedDiffer(),
                        onTopic.unreadable().count());
            }
        } catch (final SchemaRegistryNotFoundException e) {
            throw new PublishException(PublishException.Kind.WRONG_REGISTRY_URL, e.getMessage(), e);
        } catch (final KafkaException e) {
            throw new PublishException("publishing to " + settings.topic() + " failed: " + e.getMessage(), e);
        }
    }

    private static void ensureTopic(final PublishSettings settings) throws PublishException {
        final ClusterSettings cluster = settings.cluster();
        try (Admin admin = Admin.create(cluster.clientProperties())) {
            TrackerTopics.ensure(admin, List.of(TrackerTopics.events(settings.topic(), settings.partitions(),
                    settings.replicationFactor())), cluster);
        } catch (final TopicSetupException e) {
            throw new PublishException(e.kind() == TopicSetupException.Kind.UNREACHABLE
                    ? cluster.describeKafka() + " is unreachable: " + e.getMessage() : e.getMessage(), e);
        }
    }

    private static Map<String, Object> registryConfig(final PublishSettings settings, final boolean reader) {
        // --timeout bounds the registry as it bounds Kafka: the serde's own 10 s read timeout outlasted a short one.
        final Map<String, Object> config = AvroSerdeConfig.withTimeout(AvroSerdeConfig.forRegistry(
                settings.cluster().registryUrl(), settings.cluster().clientConfig()), settings.cluster().timeout());
        config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, !reader);
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, reader);
        return config;
    }

    private static KafkaProducer<String, byte[]> transactionalProducer(final PublishSettings settings) {
        final Duration timeout = settings.cluster().timeout();
        final Map<String, Object> properties = settings.cluster().clientProperties();
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) Math.min(Integer.MAX_VALUE, Math.max(timeout.toMillis() * 2, 30_000L)));
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "partnership-tracker-publisher");
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    private static void initTransactions(final KafkaProducer<String, byte[]> producer,
            final PublishSettings settings) throws PublishException {
        try {
            producer.initTransactions();
        } catch (final org.apache.kafka.common.errors.TimeoutException e) {
            throw new PublishException(settings.cluster().describeKafka()
                    + " did not set up a transaction within " + settings.cluster().timeout().toSeconds()
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
