package eu.partnershiptracker.core.index;

import eu.partnershiptracker.core.fold.InstrumentId;
import eu.partnershiptracker.model.Conflict;
import eu.partnershiptracker.model.InstrumentState;
import java.util.List;

/**
 * What one accepted entry changed in a partnership's current state, instrument by instrument: the instruments whose
 * current state or conflicts differ, each with its state (absent where it has none) and its conflicts before and after,
 * in the order of the state's lists. Every other instrument and conflict is as it was.
 *
 * @param instruments the changed instruments, sorted
 * @param hadState    whether there was a current state before (some effective fact)
 * @param hasState    whether there is one after
 */
public record IndexDelta(List<InstrumentId> instruments, List<InstrumentState> instrumentsBefore,
        List<InstrumentState> instrumentsAfter, List<Conflict> conflictsBefore, List<Conflict> conflictsAfter,
        boolean hadState, boolean hasState) {

    public IndexDelta {
        instruments = List.copyOf(instruments);
        instrumentsBefore = List.copyOf(instrumentsBefore);
        instrumentsAfter = List.copyOf(instrumentsAfter);
        conflictsBefore = List.copyOf(conflictsBefore);
        conflictsAfter = List.copyOf(conflictsAfter);
    }

    /**
     * Whether the current state differs at all, the rule of {@link eu.partnershiptracker.core.changes.ChangeFeed}
     * (before != after): with no as-of date every entry is listed, so the event list grows with each one and the state
     * differs whenever there is one before or after.
     */
    public boolean changed() {
        return hadState || hasState;
    }
}
