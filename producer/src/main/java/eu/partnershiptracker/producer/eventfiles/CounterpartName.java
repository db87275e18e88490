package eu.partnershiptracker.producer.eventfiles;

import java.util.Map;
import java.util.Objects;

/**
 * A counterpart's display name (counterparts.yaml: {@code shortName}). A collective code means a different group for
 * each actor (the EU's partners are not NATO's), so it is named per actor ({@code shortNames}) instead.
 *
 * @param shortName the name for every actor, or {@code null} when only {@code byActor} names it
 * @param byActor   names that depend on the actor, by actor code
 */
public record CounterpartName(String shortName, Map<String, String> byActor) {

    public CounterpartName {
        byActor = Map.copyOf(Objects.requireNonNull(byActor, "byActor"));
    }

    public static CounterpartName of(final String shortName) {
        return new CounterpartName(Objects.requireNonNull(shortName, "shortName"), Map.of());
    }

    /** The name an answer shows for this counterpart of the actor's partnership, or {@code null} when none. */
    public String forActor(final String actor) {
        return byActor.getOrDefault(Objects.requireNonNull(actor, "actor"), shortName);
    }
}
