package eu.partnershiptracker.quality;

import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import java.util.List;
import java.util.Objects;

/**
 * A partnership step a seed states but that no seed bounds in time, or that never happened
 * (data/reference/undated.yaml). It is never an event, and no figure counts it: figures are counted over events,
 * through the query code. A step a seed bounds is an event with a bounded date instead.
 *
 * @param counterparts the partnerships the statement covers: one step for each of them
 * @param key          tells instruments of one type apart, as an event's key does; null when there is one
 * @param reason       why it is not an event: the bound no seed gives, or why the step never happened
 */
public record UndatedFact(String what, Actor actor, List<String> counterparts, InstrumentType instrument, String key,
        EventKind kind, String source, String quote, String reason) {

    public UndatedFact {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(actor, "actor");
        counterparts = List.copyOf(counterparts);
        if (counterparts.isEmpty()) {
            throw new IllegalArgumentException("an undated fact needs at least one counterpart: " + what);
        }
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(reason, "reason");
    }
}
