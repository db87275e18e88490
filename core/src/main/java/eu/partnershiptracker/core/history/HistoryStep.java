package eu.partnershiptracker.core.history;

import eu.partnershiptracker.model.InstrumentTransition;
import eu.partnershiptracker.model.PartnershipState;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One step of a valid-time replay: the date on which some effective events took effect, their ids, the partnership's
 * state as of that date and the instrument status changes since the previous step.
 */
public record HistoryStep(LocalDate date, List<String> eventIds, PartnershipState state,
        List<InstrumentTransition> transitions) {

    public HistoryStep {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(state, "state");
        eventIds = List.copyOf(eventIds);
        transitions = List.copyOf(transitions);
    }
}
