package eu.partnershiptracker.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.Conflict;
import eu.partnershiptracker.model.EventEntry;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.PartnershipState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A partnership as the API shows it: the state with its key; the timeline ({@code events}) only in answers about one
 * partnership, where it is wanted, and left out of lists, where it would multiply the size of the answer. The
 * counterpart's display name stands beside its code; {@code knownAt} is the transaction-time cut (null: everything
 * recorded).
 */
public record PartnershipView(String key, Actor actor, String counterpart, String counterpartName, LocalDate asOf,
        Instant knownAt, List<InstrumentState> instruments, List<Conflict> conflicts,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<EventEntry> events, String lastEventId, Instant updatedAt) {

    /** Lists of partnerships are sorted by key. */
    public static final Comparator<PartnershipView> BY_KEY = Comparator.comparing(PartnershipView::key);

    public PartnershipView {
        Objects.requireNonNull(key, "key");
        instruments = List.copyOf(instruments);
        conflicts = List.copyOf(conflicts);
        events = events == null ? null : List.copyOf(events);
    }

    /** With the timeline. */
    public static PartnershipView withEvents(final PartnershipState state) {
        return of(state, state.getEvents());
    }

    /** Without the timeline. */
    public static PartnershipView summary(final PartnershipState state) {
        return of(state, null);
    }

    private static PartnershipView of(final PartnershipState state, final List<EventEntry> events) {
        Objects.requireNonNull(state, "state");
        return new PartnershipView(PartnershipKey.of(state.getActor().name(), state.getCounterpart()), state.getActor(),
                state.getCounterpart(), state.getCounterpartName(), state.getAsOf(), state.getKnownAt(),
                state.getInstruments(), state.getConflicts(), events,
                state.getLastEventId(), state.getUpdatedAt());
    }
}
