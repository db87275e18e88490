package eu.partnershiptracker.core.fold;

import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle stage each event kind brings an instrument to. Stages are ordered as the InstrumentStatus symbols
 * (ANNOUNCED &lt; DECIDED &lt; EXPLORATORY_TALKS &lt; ... &lt; ACTIVE &lt; SUSPENDED &lt; SUPERSEDED &lt; DECLINED &lt;
 * TERMINATED); an instrument's status is the highest stage reached, so it does not depend on the order in which events
 * arrive. UNKNOWN kinds reach no stage.
 */
public final class Lifecycle {

    private static final Map<EventKind, InstrumentStatus> STAGES = stages();
    /** Kinds that happen again and again (a dialogue held every year): each occurrence is its own fact, never a conflict. */
    private static final Set<EventKind> REPEATABLE = EnumSet.of(EventKind.HELD, EventKind.UPGRADED, EventKind.SUSPENDED);

    private Lifecycle() {
    }

    private static Map<EventKind, InstrumentStatus> stages() {
        final Map<EventKind, InstrumentStatus> stages = new EnumMap<>(EventKind.class);
        // An announcement or a decision precedes any talks: the instrument is intended, not yet under way.
        stages.put(EventKind.ANNOUNCED, InstrumentStatus.ANNOUNCED);
        stages.put(EventKind.DECIDED, InstrumentStatus.DECIDED);
        stages.put(EventKind.EXPLORATORY_TALKS_STARTED, InstrumentStatus.EXPLORATORY_TALKS);
        stages.put(EventKind.NEGOTIATIONS_LAUNCHED, InstrumentStatus.NEGOTIATING);
        stages.put(EventKind.NEGOTIATIONS_CONCLUDED, InstrumentStatus.CONCLUDED);
        stages.put(EventKind.APPLIED, InstrumentStatus.APPLIED);
        stages.put(EventKind.SIGNED, InstrumentStatus.SIGNED);
        stages.put(EventKind.PROVISIONALLY_APPLIED, InstrumentStatus.PROVISIONALLY_APPLIED);
        stages.put(EventKind.ENTERED_INTO_FORCE, InstrumentStatus.IN_FORCE);
        for (final EventKind kind : EnumSet.of(EventKind.LAUNCHED, EventKind.UPGRADED, EventKind.HELD, EventKind.ISSUED,
                EventKind.ENDORSED, EventKind.GRANTED, EventKind.JOINED, EventKind.ACCEDED)) {
            stages.put(kind, InstrumentStatus.ACTIVE);
        }
        stages.put(EventKind.SUSPENDED, InstrumentStatus.SUSPENDED);
        stages.put(EventKind.SUPERSEDED, InstrumentStatus.SUPERSEDED);
        // A declined offer ends the instrument before it began, so it outranks every stage short of termination.
        stages.put(EventKind.DECLINED, InstrumentStatus.DECLINED);
        stages.put(EventKind.TERMINATED, InstrumentStatus.TERMINATED);
        return Collections.unmodifiableMap(stages);
    }

    public static Optional<InstrumentStatus> stage(final EventKind kind) {
        return Optional.ofNullable(STAGES.get(Objects.requireNonNull(kind, "kind")));
    }

    /** Position of a kind in the lifecycle, for ordering events of one date: the ordinal of its stage, 0 for none. */
    public static int rank(final EventKind kind) {
        return stage(kind).map(InstrumentStatus::ordinal).orElse(0);
    }

    /**
     * Whether every event of this kind is a fact of its own. UNKNOWN counts as repeatable: events of unknown kind say
     * nothing comparable, so their dates cannot disagree.
     */
    public static boolean repeatable(final EventKind kind) {
        return kind == EventKind.UNKNOWN || REPEATABLE.contains(Objects.requireNonNull(kind, "kind"));
    }
}
