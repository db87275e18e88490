package eu.partnershiptracker.quality;

import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PartialDate;
import java.util.List;
import java.util.Objects;

/**
 * A partnership step a seed states without a usable date (data/reference/undated.yaml). It is never an event, and no
 * figure counts it: figures are counted over events, through the query code.
 *
 * @param counterparts the partnerships the statement covers: one step for each of them
 * @param key          tells instruments of one type apart, as an event's key does; null when there is one
 * @param happenedBy   the date by which the source states the step had happened, or null when it states none
 */
public record UndatedFact(String what, Actor actor, List<String> counterparts, InstrumentType instrument, String key,
        EventKind kind, PartialDate happenedBy, String source, String quote) {

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
    }
}
