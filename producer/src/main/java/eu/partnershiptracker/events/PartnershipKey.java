package eu.partnershiptracker.events;

import eu.partnershiptracker.model.PolicyEvent;
import java.util.Objects;

/** The partnership key {@code ACTOR:COUNTERPART} under which every event of one partnership is published. */
public final class PartnershipKey {

    private PartnershipKey() {
    }

    public static String of(final PolicyEvent event) {
        Objects.requireNonNull(event, "event");
        return event.getActor().name() + ":" + event.getCounterpart();
    }
}
