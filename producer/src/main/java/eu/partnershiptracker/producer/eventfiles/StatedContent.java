package eu.partnershiptracker.producer.eventfiles;

import eu.partnershiptracker.model.PolicyEvent;
import java.util.List;
import java.util.Objects;

/**
 * What a curator states of an event, apart from what the checks derive and stamp on it: the names from the reference
 * lists and the bounds and contradictions of stated orders. Publishing compares this part with the topic, so that an
 * event published before names or orders existed, or before a reference list changed, is the same event and not a
 * clash that would need a correction.
 */
public final class StatedContent {

    private StatedContent() {
    }

    /** Whether the two events state the same, whatever was derived on them. */
    public static boolean same(final PolicyEvent one, final PolicyEvent other) {
        return stated(Objects.requireNonNull(one, "one")).equals(stated(Objects.requireNonNull(other, "other")));
    }

    private static PolicyEvent stated(final PolicyEvent event) {
        return PolicyEvent.newBuilder(event)
                .setCounterpartName(null)
                .setInstrumentName(null)
                .setOrderBounds(null)
                .setOrders(List.of())
                .build();
    }
}
