package eu.partnershiptracker.core.fold;

import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PolicyEvent;
import java.util.Comparator;
import java.util.Objects;

/** Identity of an instrument within a partnership: its type and, when there are several of one type, its key. */
public record InstrumentId(InstrumentType type, String key) implements Comparable<InstrumentId> {

    private static final Comparator<InstrumentId> ORDER = Comparator.comparing(InstrumentId::type)
            .thenComparing(InstrumentId::key, Comparator.nullsFirst(Comparator.naturalOrder()));

    public InstrumentId {
        Objects.requireNonNull(type, "type");
    }

    public static InstrumentId of(final PolicyEvent event) {
        return new InstrumentId(event.getInstrument(), event.getInstrumentKey());
    }

    public static InstrumentId of(final InstrumentState state) {
        return new InstrumentId(state.getType(), state.getKey());
    }

    /** "FPA", or "JOINT_DECLARATION 2016" when the instrument has a key. */
    @Override
    public String toString() {
        return key == null ? type.name() : type + " " + key;
    }

    @Override
    public int compareTo(final InstrumentId other) {
        return ORDER.compare(this, other);
    }
}
