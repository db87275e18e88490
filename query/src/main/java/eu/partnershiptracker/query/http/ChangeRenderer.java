package eu.partnershiptracker.query.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.serde.AvroDeserializer;
import eu.partnershiptracker.serde.AvroSerdeConfig;
import eu.partnershiptracker.serde.SchemaRegistryUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a record of the changes topic into the JSON the change stream sends. A record that is not a PartnershipChange
 * in the registry's wire format can never be read, so it is skipped: logged, counted in {@value #SKIPPED_METER} by
 * reason, and left behind, instead of ending every stream that reaches it (and every client reconnecting to it again).
 * A registry that cannot be reached is no fault of the record: the read is retried until the registry answers.
 */
final class ChangeRenderer {

    static final String SKIPPED_METER = "tracker.change.stream.skipped";

    private static final Logger LOG = LoggerFactory.getLogger(ChangeRenderer.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    /** Waits between attempts while the registry is down; answers false when the reader should give up instead. */
    @FunctionalInterface
    interface Patience {

        boolean waitFor(Duration delay);
    }

    private final AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
    private final ObjectMapper mapper;
    private final Counter unreadable;
    private final Counter unrenderable;

    /**
     * @param registryConfig the serde settings for the registry, e.g. from {@link AvroSerdeConfig#forRegistry}
     * @param metrics        where the skip counters are registered
     */
    ChangeRenderer(final Map<String, Object> registryConfig, final ObjectMapper mapper, final MeterRegistry metrics) {
        final Map<String, Object> config = new HashMap<>(Objects.requireNonNull(registryConfig, "registryConfig"));
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
        deserializer.configure(config, false);
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(metrics, "metrics");
        this.unreadable = skipCounter(metrics, "unreadable");
        this.unrenderable = skipCounter(metrics, "unrenderable");
    }

    /**
     * The record's change, rendered, or nothing when the record is skipped. Safe to call from several threads.
     *
     * @param patience waits between attempts while the registry is unavailable
     * @throws CancellationException when {@code patience} gives up during a registry outage
     */
    Optional<StreamedChange> render(final ConsumerRecord<String, byte[]> record, final Patience patience) {
        Duration delay = FIRST_RETRY;
        while (true) {
            try {
                return renderOnce(record);
            } catch (final SchemaRegistryUnavailableException e) {
                LOG.warn("cannot read the change at {} yet, trying again in {} ms: {}", where(record),
                        delay.toMillis(), e.getMessage());
                if (!patience.waitFor(delay)) {
                    throw new CancellationException("gave up reading " + where(record) + " while the schema registry"
                            + " was unavailable");
                }
                final Duration doubled = delay.multipliedBy(2);
                delay = doubled.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : doubled;
            }
        }
    }

    private Optional<StreamedChange> renderOnce(final ConsumerRecord<String, byte[]> record) {
        final Object value;
        try {
            value = deserializer.deserialize(record.topic(), record.value());
        } catch (final SerializationException e) {
            return skip(record, unreadable, e);
        }
        if (!(value instanceof PartnershipChange change)) {
            return skip(record, unreadable, new SerializationException("the value is "
                    + (value == null ? "null" : "a " + value.getClass().getName()) + ", not a PartnershipChange"));
        }
        try {
            return Optional.of(new StreamedChange(record.partition(), record.offset(),
                    mapper.writeValueAsString(change)));
        } catch (final JsonProcessingException e) {
            return skip(record, unrenderable, e);
        }
    }

    private static Optional<StreamedChange> skip(final ConsumerRecord<String, byte[]> record, final Counter counter,
            final Exception reason) {
        LOG.warn("skipped the change record at {}: {}", where(record), reason.getMessage(), reason);
        counter.increment();
        return Optional.empty();
    }

    private static String where(final ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static Counter skipCounter(final MeterRegistry metrics, final String reason) {
        return Counter.builder(SKIPPED_METER)
                .description("Records of the changes topic the change stream skipped because it cannot read them")
                .tag("reason", reason)
                .register(metrics);
    }
}
