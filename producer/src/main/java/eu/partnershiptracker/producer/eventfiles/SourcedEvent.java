package eu.partnershiptracker.producer.eventfiles;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.model.PolicyEvent;
import java.util.Objects;

/** A parsed event together with the place in an event file it came from. */
public record SourcedEvent(PolicyEvent event, EventLocation location) {

    public SourcedEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(location, "location");
    }

    /** The Kafka record key: all events of one partnership share it, and so a partition. */
    public String partnershipKey() {
        return PartnershipKey.of(event);
    }
}
