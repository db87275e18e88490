package eu.partnershiptracker.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.partnershiptracker.model.DateBounds;
import eu.partnershiptracker.model.InstrumentTransition;
import eu.partnershiptracker.model.PartialDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One step of a valid-time replay: the date, the events taking effect then, what changed and the state after it.
 * {@code key} names the partnership in replays over all partnerships and is left out of a partnership's own history.
 * When the step's events state no exact date, only bounds, {@code bounds} gives them and {@code date} is the bound the
 * step is placed at, as the source states it.
 */
public record StepView(@JsonInclude(JsonInclude.Include.NON_NULL) String key, PartialDate date,
        @JsonInclude(JsonInclude.Include.NON_NULL) DateBounds bounds, List<String> eventIds,
        List<InstrumentTransition> transitions, PartnershipView state) {

    /** Replays of all partnerships: by date, then by partnership. */
    public static final Comparator<StepView> ORDER =
            Comparator.comparing((StepView step) -> step.date().getDate()).thenComparing(StepView::key);

    public StepView {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(state, "state");
        eventIds = List.copyOf(eventIds);
        transitions = List.copyOf(transitions);
    }

    public StepView withKey(final String newKey) {
        return new StepView(Objects.requireNonNull(newKey, "key"), date, bounds, eventIds, transitions, state);
    }
}
