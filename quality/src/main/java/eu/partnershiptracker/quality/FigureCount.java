package eu.partnershiptracker.quality;

import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.EventEntry;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PartialDate;
import eu.partnershiptracker.query.CertaintyFilter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a figure of data/checks/figures.yaml counts, always in an answer of the API's queries, as of the date the seed
 * speaks of and with the certainty the figure states. Every filter that is set must match.
 *
 * <ul>
 *   <li>{@link Query#PARTNERSHIPS}: the instruments in {@code GET /api/partnerships?asOf=&actor=&instrument=
 *       &certainty=} of that counterpart and key when set, in one of {@code statuses} (any status when empty) as
 *       {@code certainty} reads it, whose status step is dated no earlier than {@code since} when set.</li>
 *   <li>{@link Query#HISTORY}: the events of one partnership, of matching instruments and {@code kinds}, that take
 *       effect in the steps of {@code GET /api/partnerships/{actor}/{counterpart}/history?from=&to=} (meetings,
 *       exercises: "met only once in 2022"), each once.</li>
 * </ul>
 *
 * @param asOf  the partnerships' as-of day, or the last day of the history's replay
 * @param since the earliest day of a counted instrument's status step; only for PARTNERSHIPS
 * @param kinds the kinds of the counted events, any when empty; only for HISTORY
 * @param from  the first day of the history's replay, or null for the beginning; only for HISTORY
 */
public record FigureCount(Query query, Actor actor, String counterpart, InstrumentType instrument, String key,
        Set<InstrumentStatus> statuses, LocalDate since, Set<EventKind> kinds, LocalDate from, LocalDate asOf,
        CertaintyFilter certainty) {

    /** Which answer of the API the figure counts in. */
    public enum Query {
        /** Instruments in the partnership list as of a day. */
        PARTNERSHIPS,
        /** Events taking effect in the replay of one partnership's history over a span of days. */
        HISTORY
    }

    public FigureCount {
        Objects.requireNonNull(query, "query");
        statuses = Set.copyOf(statuses);
        kinds = Set.copyOf(kinds);
        if (asOf == null) {
            throw new IllegalArgumentException("'asOf' is required: the date the seed speaks of");
        }
        if (certainty == null) {
            throw new IllegalArgumentException("'certainty' is required: CERTAIN, or ANY to count possible steps too");
        }
        if (query == Query.PARTNERSHIPS && (from != null || !kinds.isEmpty())) {
            throw new IllegalArgumentException("'from' and 'kinds' select events of a replay: they need query"
                    + " 'history'");
        }
        if (query == Query.HISTORY && (since != null || !statuses.isEmpty())) {
            throw new IllegalArgumentException("query 'history' counts events: it takes 'from' and 'kinds', not"
                    + " 'since' or 'statuses'");
        }
        if (query == Query.HISTORY && (actor == null || counterpart == null)) {
            throw new IllegalArgumentException("query 'history' replays one partnership: 'actor' and 'counterpart'"
                    + " are required");
        }
        if (from != null && from.isAfter(asOf)) {
            throw new IllegalArgumentException("'from' " + from + " is after 'asOf' " + asOf);
        }
    }

    /** The question the figure asks the API, e.g. "partnerships asOf=2025-08-31 actor=EU instrument=SDP CERTAIN". */
    public String asked() {
        final StringBuilder text = new StringBuilder(query.name().toLowerCase(Locale.ROOT));
        if (query == Query.HISTORY) {
            text.append(" from=").append(from == null ? ".." : from).append(" to=").append(asOf);
        } else {
            text.append(" asOf=").append(asOf);
        }
        append(text, "actor", actor);
        append(text, "counterpart", counterpart);
        append(text, "instrument", instrument);
        append(text, "key", key);
        append(text, "statuses", statuses.isEmpty() ? null : new TreeSet<>(statuses));
        append(text, "since", since);
        append(text, "kinds", kinds.isEmpty() ? null : new TreeSet<>(kinds));
        return text.append(' ').append(certainty).toString();
    }

    private static void append(final StringBuilder text, final String name, final Object value) {
        if (value != null) {
            text.append(' ').append(name).append('=').append(value);
        }
    }

    /** Whether a partnership of the answer is one the figure counts in. */
    boolean matches(final Actor partnershipActor, final String partnershipCounterpart) {
        return (actor == null || actor == partnershipActor)
                && (counterpart == null || counterpart.equals(partnershipCounterpart));
    }

    /** Whether an event of the history's answer is one the figure counts. */
    boolean matches(final EventEntry event) {
        return (instrument == null || instrument == event.getInstrument())
                && (key == null || key.equals(event.getInstrumentKey()))
                && (kinds.isEmpty() || kinds.contains(event.getKind()));
    }

    /** Whether an instrument of a counted partnership counts, as {@code certainty} reads its status. */
    boolean matches(final InstrumentState state) {
        return (instrument == null || instrument == state.getType())
                && (key == null || key.equals(state.getKey()))
                && (statuses.isEmpty() ? certainty.status(state).isPresent()
                        : statuses.stream().anyMatch(status -> certainty.matches(state, status)))
                && (since == null || stepNotBefore(state));
    }

    /** The status step's first possible day, as the answer dates it; a step with no lower bound cannot be placed. */
    private boolean stepNotBefore(final InstrumentState state) {
        final PartialDate step = state.getStatusSince() != null ? state.getStatusSince() : state.getNotBefore();
        return step != null && !step.getDate().isBefore(since);
    }
}
