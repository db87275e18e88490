package eu.partnershiptracker.core.fold;

import eu.partnershiptracker.model.PolicyEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * One event as the streams application received it: the event itself, when it was recorded (the Kafka timestamp of the
 * input record, i.e. transaction time) and where it was read from.
 */
public record TimelineEntry(PolicyEvent event, Instant recordedAt, int partition, long offset) {

    public TimelineEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    public String eventId() {
        return event.getEventId();
    }
}
