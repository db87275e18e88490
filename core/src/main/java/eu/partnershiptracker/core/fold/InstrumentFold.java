package eu.partnershiptracker.core.fold;

import eu.partnershiptracker.model.Conflict;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.PartialDate;
import eu.partnershiptracker.model.PolicyEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Folds the effective facts of a partnership into its instruments and their conflicting claims.
 * <ul>
 * <li>Status: the highest lifecycle stage ({@link Lifecycle}) reached by the instrument's facts; UNKNOWN when none of its
 *     events has a stage (such events are still listed in eventIds).</li>
 * <li>statusSince: among the facts that reached that stage, the earliest (in {@link EventOrder}) of their chosen claims.
 *     A non-repeatable fact is represented by its chosen claim ({@link FactClaims}); each repeatable event is its own.</li>
 * <li>signedOn and inForceFrom: the chosen SIGNED and ENTERED_INTO_FORCE claims.</li>
 * <li>title: the last title stated, in {@link EventOrder}.</li>
 * </ul>
 * Instruments come out sorted by type then key, conflicts by instrument then kind.
 */
final class InstrumentFold {

    record Result(List<InstrumentState> instruments, List<Conflict> conflicts) {
    }

    private InstrumentFold() {
    }

    /** @param facts effective events in {@link EventOrder}, at least one */
    static Result fold(final List<PolicyEvent> facts) {
        final Map<InstrumentId, List<PolicyEvent>> byInstrument = new TreeMap<>();
        for (final PolicyEvent fact : facts) {
            byInstrument.computeIfAbsent(InstrumentId.of(fact), id -> new ArrayList<>()).add(fact);
        }
        final List<InstrumentState> instruments = new ArrayList<>();
        final List<Conflict> conflicts = new ArrayList<>();
        byInstrument.forEach((id, events) -> {
            final Map<EventKind, FactClaims> claims = claimsByKind(events);
            claims.values().forEach(fact -> fact.conflict().ifPresent(conflicts::add));
            instruments.add(instrument(id, events, claims));
        });
        return new Result(instruments, conflicts);
    }

    private static Map<EventKind, FactClaims> claimsByKind(final List<PolicyEvent> events) {
        final Map<EventKind, List<PolicyEvent>> byKind = new EnumMap<>(EventKind.class);
        events.stream().filter(event -> !Lifecycle.repeatable(event.getKind()))
                .forEach(event -> byKind.computeIfAbsent(event.getKind(), kind -> new ArrayList<>()).add(event));
        final Map<EventKind, FactClaims> claims = new EnumMap<>(EventKind.class);
        byKind.forEach((kind, list) -> claims.put(kind, new FactClaims(list)));
        return claims;
    }

    private static InstrumentState instrument(final InstrumentId id, final List<PolicyEvent> events,
            final Map<EventKind, FactClaims> claims) {
        final Optional<InstrumentStatus> status = events.stream()
                .flatMap(event -> Lifecycle.stage(event.getKind()).stream())
                .max(Comparator.naturalOrder());
        final PartialDate since = status
                .flatMap(stage -> events.stream()
                        .filter(event -> Lifecycle.stage(event.getKind()).orElse(null) == stage)
                        .map(event -> representative(event, claims))
                        .min(EventOrder.EVENTS))
                .orElse(events.get(0))
                .getEventDate();
        return InstrumentState.newBuilder()
                .setType(id.type())
                .setKey(id.key())
                .setTitle(events.stream().map(PolicyEvent::getTitle).filter(Objects::nonNull)
                        .reduce((earlier, later) -> later).orElse(null))
                .setStatus(status.orElse(InstrumentStatus.UNKNOWN))
                .setStatusSince(since)
                .setSignedOn(chosenDate(claims, EventKind.SIGNED))
                .setInForceFrom(chosenDate(claims, EventKind.ENTERED_INTO_FORCE))
                .setEventIds(events.stream().map(PolicyEvent::getEventId).toList())
                .build();
    }

    private static PolicyEvent representative(final PolicyEvent event, final Map<EventKind, FactClaims> claims) {
        final FactClaims fact = claims.get(event.getKind());
        return fact == null ? event : fact.chosen();
    }

    private static PartialDate chosenDate(final Map<EventKind, FactClaims> claims, final EventKind kind) {
        final FactClaims fact = claims.get(kind);
        return fact == null ? null : fact.chosen().getEventDate();
    }
}
