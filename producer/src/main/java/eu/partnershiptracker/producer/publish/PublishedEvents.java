package eu.partnershiptracker.producer.publish;

import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.cluster.TopicOffsets;
import eu.partnershiptracker.cluster.TopicReader;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.serde.SchemaRegistryUnavailableException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every committed event on the events topic, so that a publish run can skip what is already there and check
 * corrections against the whole log, not just the files at hand.
 */
final class PublishedEvents {

    /** What the topic holds: events by id, and the records that could not be read as events. */
    record Snapshot(Map<String, PolicyEvent> events, UnreadableRecords unreadable) {

        Snapshot {
            events = Map.copyOf(events);
            Objects.requireNonNull(unreadable, "unreadable");
        }
    }

    /** How often an undecided transaction is looked at again: markers follow a commit within milliseconds. */
    private static final long UNDECIDED_RECHECK_MILLIS = 100;

    private PublishedEvents() {
    }

    static Snapshot read(final PublishSettings settings, final Deserializer<PolicyEvent> values)
            throws PublishException {
        Objects.requireNonNull(values, "values");
        final ClusterSettings cluster = settings.cluster();
        final Map<String, Object> properties = cluster.clientProperties();
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "partnership-tracker-publisher-reader");
        final Map<String, PolicyEvent> events = new HashMap<>();
        final UnreadableRecords unreadable = new UnreadableRecords();
        awaitNoUndecidedTransaction(settings);
        try {
            TopicReader.readCommitted(properties, settings.topic(), new StringDeserializer(),
                    new ByteArrayDeserializer(), cluster.timeout(), record -> {
                        try {
                            final PolicyEvent event = values.deserialize(record.topic(), record.value());
                            if (event != null) {
                                events.put(event.getEventId(), event);
                            }
                        } catch (final SchemaRegistryUnavailableException e) {
                            // An outage is not a bad record: counting it as one would hide every event on the topic
                            // and defeat the duplicate check.
                            throw new RegistryOutage(e);
                        } catch (final SerializationException e) {
                            unreadable.add(record.partition(), record.offset(), e.getMessage());
                        }
                    });
        } catch (final RegistryOutage e) {
            throw new PublishException("cannot read the events already on " + settings.topic() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (final TimeoutException e) {
            throw new PublishException(cluster.describeKafka() + " did not answer within "
                    + cluster.timeout().toSeconds() + " s while reading " + settings.topic() + ": " + e.getMessage(),
                    e);
        }
        return new Snapshot(events, unreadable);
    }

    /**
     * Waits, up to the timeout, until no transaction on the topic is undecided: every partition's last stable offset
     * has reached its end. A snapshot taken while one is open misses records that may still commit (a publish whose
     * commit the broker has acknowledged but not yet marked in the log, as right after a broker restart), and this run
     * would then publish them a second time.
     */
    private static void awaitNoUndecidedTransaction(final PublishSettings settings) throws PublishException {
        final ClusterSettings cluster = settings.cluster();
        final long deadline = System.nanoTime() + cluster.timeout().toNanos();
        try (Admin admin = Admin.create(cluster.clientProperties())) {
            while (true) {
                final Map<TopicPartition, Long> undecided = TopicOffsets.undecided(admin, settings.topic(),
                        cluster.timeout());
                if (undecided.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new PublishException("a transaction on " + settings.topic() + " is still undecided after "
                            + cluster.timeout().toSeconds() + " s (committed records end at "
                            + undecided.entrySet().stream().map(open -> "partition " + open.getKey().partition()
                                    + " at offset " + open.getValue()).collect(Collectors.joining(", "))
                            + "): another publish may still commit it, so this run cannot tell what is already"
                            + " published; try again once it is committed or aborted");
                }
                TimeUnit.MILLISECONDS.sleep(UNDECIDED_RECHECK_MILLIS);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while waiting for a transaction on " + settings.topic(), e);
        } catch (final ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new PublishException(cluster.describeKafka() + " did not answer within "
                    + cluster.timeout().toSeconds() + " s while listing the offsets of " + settings.topic() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Carries a registry outage out of the record callback, to be reported as the publish failure it is. */
    private static final class RegistryOutage extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RegistryOutage(final SchemaRegistryUnavailableException cause) {
            super(cause);
        }
    }
}
