package eu.partnershiptracker.core.changes;

import eu.partnershiptracker.core.fold.InstrumentId;
import eu.partnershiptracker.model.Certainty;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentTransition;
import eu.partnershiptracker.model.PartnershipState;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The instruments whose status or certainty differs between two states of a partnership: a null 'from' is a new
 * instrument, a null 'to' one that is gone. Sorted by instrument type then key.
 */
public final class Transitions {

    private Transitions() {
    }

    /** @param before may be null (no state yet); @param after may be null (no state any more) */
    public static List<InstrumentTransition> between(final PartnershipState before, final PartnershipState after) {
        final Map<InstrumentId, Stage> from = stages(before);
        final Map<InstrumentId, Stage> to = stages(after);
        final TreeSet<InstrumentId> ids = new TreeSet<>(from.keySet());
        ids.addAll(to.keySet());
        return ids.stream()
                .filter(id -> !Objects.equals(from.get(id), to.get(id)))
                .map(id -> new InstrumentTransition(id.type(), id.key(), status(from.get(id)), status(to.get(id)),
                        certainty(from.get(id)), certainty(to.get(id))))
                .toList();
    }

    private record Stage(InstrumentStatus status, Certainty certainty) {
    }

    private static InstrumentStatus status(final Stage stage) {
        return stage == null ? null : stage.status();
    }

    private static Certainty certainty(final Stage stage) {
        return stage == null ? null : stage.certainty();
    }

    private static Map<InstrumentId, Stage> stages(final PartnershipState state) {
        if (state == null) {
            return Map.of();
        }
        return state.getInstruments().stream().collect(Collectors.toMap(InstrumentId::of,
                instrument -> new Stage(instrument.getStatus(), instrument.getCertainty()), (a, b) -> b, TreeMap::new));
    }
}
