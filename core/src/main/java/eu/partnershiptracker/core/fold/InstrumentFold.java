package eu.partnershiptracker.core.fold;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.core.InstrumentCategories;
import eu.partnershiptracker.model.Certainty;
import eu.partnershiptracker.model.Claim;
import eu.partnershiptracker.model.Conflict;
import eu.partnershiptracker.model.ConflictType;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.PartialDate;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.model.StepOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Folds the effective facts of a partnership into its instruments as of a date, and their conflicting claims.
 * <ul>
 * <li>A step is a non-repeatable fact, dated by its resolved claims ({@link FactClaims}), or one repeatable event.
 *     As of D a step is CERTAIN, POSSIBLE or absent by {@link DateClaim#certaintyOn}; an instrument is there when one
 *     of its steps is.</li>
 * <li>Status: the highest lifecycle stage ({@link Lifecycle}) of its certain steps, with certainty CERTAIN; a higher
 *     stage that is only possible is possibleStatus, with its bounds. With no certain stage, the highest possible one,
 *     with certainty POSSIBLE. UNKNOWN when no present step has a stage.</li>
 * <li>statusSince: the exact date of the earliest (in {@link EventOrder}) step at that stage; a bounded one gives
 *     notBefore and notAfter instead. signedOn and inForceFrom: the SIGNED and ENTERED_INTO_FORCE steps' exact dates.</li>
 * <li>title: the last title stated by a present event; name: the last instrumentName stamped on any of its events, so
 *     the name does not follow the title of each new meeting.</li>
 * <li>Conflicts of dates and of stated orders are listed whatever the date: they are about the record, not about
 *     valid time.</li>
 * </ul>
 * Instruments come out sorted by type then key, conflicts by instrument then kind.
 */
final class InstrumentFold {

    record Result(List<InstrumentState> instruments, List<Conflict> conflicts) {
    }

    /** One step of an instrument's life, with when it happened and the events that say so. */
    record Step(EventKind kind, DateClaim date, List<PolicyEvent> events) {

        Optional<InstrumentStatus> stage() {
            return Lifecycle.stage(kind);
        }

        PolicyEvent first() {
            return events.get(0);
        }
    }

    private record PresentStep(Step step, Certainty certainty) {
    }

    private static final String ORDER_RULE = "A date a source states beats an order stated without dates, and two"
            + " orders that disagree cancel out: for the pairs it contradicts, the order narrows nothing.";

    private InstrumentFold() {
    }

    /**
     * @param facts effective events in {@link EventOrder}
     * @param asOf  the valid-time date, null for everything
     */
    static Result fold(final List<PolicyEvent> facts, final LocalDate asOf) {
        final Map<InstrumentId, List<PolicyEvent>> byInstrument = new TreeMap<>();
        for (final PolicyEvent fact : facts) {
            byInstrument.computeIfAbsent(InstrumentId.of(fact), id -> new ArrayList<>()).add(fact);
        }
        final List<InstrumentState> instruments = new ArrayList<>();
        final List<Conflict> conflicts = new ArrayList<>();
        byInstrument.forEach((id, events) -> {
            final Map<EventKind, FactClaims> claims = claimsByKind(events);
            claims.values().forEach(fact -> fact.conflict().ifPresent(conflicts::add));
            conflicts.addAll(orderConflicts(events));
            instrument(id, events, steps(events, claims), asOf).ifPresent(instruments::add);
        });
        return new Result(instruments, conflicts);
    }

    /** One instrument's steps in {@link EventOrder} of their first event. @param facts as for {@link #conflicts} */
    static List<Step> steps(final List<PolicyEvent> facts) {
        return steps(facts, claimsByKind(facts));
    }

    /**
     * One instrument's conflicts, as {@link #fold} lists them for it.
     *
     * @param facts the instrument's effective events in {@link EventOrder}, at least one
     */
    static List<Conflict> conflicts(final List<PolicyEvent> facts) {
        final List<Conflict> conflicts = new ArrayList<>();
        claimsByKind(facts).values().forEach(fact -> fact.conflict().ifPresent(conflicts::add));
        conflicts.addAll(orderConflicts(facts));
        return List.copyOf(conflicts);
    }

    private static Map<EventKind, FactClaims> claimsByKind(final List<PolicyEvent> events) {
        final Map<EventKind, List<PolicyEvent>> byKind = new EnumMap<>(EventKind.class);
        events.stream().filter(event -> !Lifecycle.repeatable(event.getKind()))
                .forEach(event -> byKind.computeIfAbsent(event.getKind(), kind -> new ArrayList<>()).add(event));
        final Map<EventKind, FactClaims> claims = new EnumMap<>(EventKind.class);
        byKind.forEach((kind, list) -> claims.put(kind, new FactClaims(list)));
        return claims;
    }

    /** The steps in {@link EventOrder} of their first event: one per non-repeatable fact, one per repeatable event. */
    private static List<Step> steps(final List<PolicyEvent> events, final Map<EventKind, FactClaims> claims) {
        final List<Step> steps = new ArrayList<>();
        for (final PolicyEvent event : events) {
            final FactClaims fact = claims.get(event.getKind());
            if (fact == null) {
                steps.add(new Step(event.getKind(), DateClaim.of(event), List.of(event)));
            } else if (fact.claims().get(0) == event) {
                steps.add(new Step(event.getKind(), fact.resolved(), fact.claims()));
            }
        }
        return steps;
    }

    private static Optional<InstrumentState> instrument(final InstrumentId id, final List<PolicyEvent> events,
            final List<Step> steps, final LocalDate asOf) {
        final List<PresentStep> present = steps.stream()
                .flatMap(step -> step.date().certaintyOn(asOf).map(c -> new PresentStep(step, c)).stream())
                .toList();
        if (present.isEmpty()) {
            return Optional.empty();
        }
        final Optional<PresentStep> certain = highest(present, Certainty.CERTAIN);
        final Optional<PresentStep> possible = highest(present, Certainty.POSSIBLE)
                .filter(step -> certain.isEmpty() || stage(step).compareTo(stage(certain.get())) > 0);
        final PresentStep status = certain.or(() -> possible)
                .orElseGet(() -> present.stream().filter(step -> step.certainty() == Certainty.CERTAIN).findFirst()
                        .orElse(present.get(0)));
        final DateClaim since = status.step().date();
        final InstrumentState.Builder state = InstrumentState.newBuilder()
                .setType(id.type())
                .setKey(id.key())
                .setCategory(InstrumentCategories.of(id.type()))
                .setName(events.stream().map(PolicyEvent::getInstrumentName).filter(Objects::nonNull)
                        .reduce((earlier, later) -> later).orElse(null))
                .setTitle(present.stream().flatMap(step -> step.step().events().stream()).sorted(EventOrder.EVENTS)
                        .map(PolicyEvent::getTitle).filter(Objects::nonNull)
                        .reduce((earlier, later) -> later).orElse(null))
                .setStatus(status.step().stage().orElse(InstrumentStatus.UNKNOWN))
                .setCertainty(status.certainty())
                .setStatusSince(since.exact())
                .setNotBefore(since.notBefore())
                .setNotAfter(since.notAfter())
                .setSignedOn(exactDate(present, EventKind.SIGNED))
                .setInForceFrom(exactDate(present, EventKind.ENTERED_INTO_FORCE))
                .setEventIds(present.stream().flatMap(step -> step.step().events().stream())
                        .sorted(EventOrder.EVENTS).map(PolicyEvent::getEventId).toList());
        if (certain.isPresent() && possible.isPresent()) {
            state.setPossibleStatus(stage(possible.get())).setPossibleBounds(possible.get().step().date().bounds());
        }
        return Optional.of(state.build());
    }

    /** The present step of the highest stage with that certainty, the earliest of them in {@link EventOrder}. */
    private static Optional<PresentStep> highest(final List<PresentStep> present, final Certainty certainty) {
        return present.stream()
                .filter(step -> step.certainty() == certainty && step.step().stage().isPresent())
                .max(Comparator.comparing(InstrumentFold::stage)
                        .thenComparing(step -> step.step().first(), EventOrder.EVENTS.reversed()));
    }

    private static InstrumentStatus stage(final PresentStep step) {
        return step.step().stage().orElseThrow();
    }

    /** The exact date of a present non-repeatable step; null when it is absent or known only by bounds. */
    private static PartialDate exactDate(final List<PresentStep> present, final EventKind kind) {
        return present.stream().map(PresentStep::step).filter(step -> step.kind() == kind)
                .map(step -> step.date().exact()).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /**
     * One conflict per fact and stated order that contradicts it: the fact's own claim against the order, the claim
     * chosen, since the order narrows nothing for the pairs it contradicts.
     */
    private static List<Conflict> orderConflicts(final List<PolicyEvent> events) {
        final Map<String, Conflict> conflicts = new LinkedHashMap<>();
        for (final PolicyEvent event : events) {
            for (final StepOrder order : event.getOrders()) {
                if (order.getContradictions().isEmpty()) {
                    continue;
                }
                final Claim stated = new Claim(order.getOrderId(), null, null, order.getSource(),
                        order.getStated() + ". " + String.join(" ", order.getContradictions()));
                conflicts.putIfAbsent(event.getKind() + "/" + order.getOrderId(), Conflict.newBuilder()
                        .setInstrument(event.getInstrument())
                        .setInstrumentKey(event.getInstrumentKey())
                        .setKind(event.getKind())
                        .setType(ConflictType.ORDER)
                        .setClaims(List.of(FactClaims.claim(event), stated))
                        .setChosenEventId(event.getEventId())
                        .setRule(ORDER_RULE)
                        .build());
            }
        }
        return List.copyOf(conflicts.values());
    }
}
