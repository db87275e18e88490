package eu.partnershiptracker.core.fold;

import eu.partnershiptracker.core.PartialDates;
import eu.partnershiptracker.model.Claim;
import eu.partnershiptracker.model.Conflict;
import eu.partnershiptracker.model.PolicyEvent;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The effective claims about one fact (an instrument, its key and a non-repeatable kind: "the FPA with Japan was
 * signed"), and which one is believed.
 * <ul>
 * <li>Chosen claim: the finest precision, then the earliest date, then the smallest eventId.</li>
 * <li>A claim whose period contains another's (2024-05 and 2024-05-21) is refined by it, not contradicted; the same date
 *     from two sources corroborates. Only claims whose periods are disjoint (calendar periods either nest or are
 *     disjoint) make a {@link Conflict}, which lists every claim of the fact and the rule that picked one.</li>
 * </ul>
 */
public final class FactClaims {

    static final Comparator<PolicyEvent> CHOICE = Comparator
            .comparing((PolicyEvent event) -> event.getEventDate().getPrecision())
            .thenComparing(event -> event.getEventDate().getDate())
            .thenComparing(PolicyEvent::getEventId);

    private static final String RULE = "the finest precision wins, then the earliest date, then the smallest event id";

    private final List<PolicyEvent> claims;

    /** @param claims the effective events of one fact, at least one, in {@link EventOrder} */
    FactClaims(final List<PolicyEvent> claims) {
        if (claims.isEmpty()) {
            throw new IllegalArgumentException("a fact needs at least one claim");
        }
        this.claims = List.copyOf(claims);
    }

    PolicyEvent chosen() {
        return claims.stream().min(CHOICE).orElseThrow();
    }

    Optional<Conflict> conflict() {
        final boolean disagree = claims.stream().anyMatch(one -> claims.stream()
                .anyMatch(other -> !PartialDates.contains(one.getEventDate(), other.getEventDate())
                        && !PartialDates.contains(other.getEventDate(), one.getEventDate())));
        if (!disagree) {
            return Optional.empty();
        }
        final PolicyEvent chosen = chosen();
        final PolicyEvent first = claims.get(0);
        return Optional.of(Conflict.newBuilder()
                .setInstrument(first.getInstrument())
                .setInstrumentKey(first.getInstrumentKey())
                .setKind(first.getKind())
                .setClaims(claims.stream().map(FactClaims::claim).toList())
                .setChosenEventId(chosen.getEventId())
                .setRule(rule(chosen))
                .build());
    }

    private String rule(final PolicyEvent chosen) {
        final PolicyEvent first = claims.get(0);
        final String instrument = first.getInstrument()
                + (first.getInstrumentKey() == null ? "" : " " + first.getInstrumentKey());
        final String stated = claims.stream()
                .map(claim -> PartialDates.format(claim.getEventDate()) + " (" + claim.getProvenance().getSource() + ")")
                .collect(Collectors.joining(", "));
        return "Sources disagree on when " + instrument + " was " + first.getKind() + ": " + stated + ". Chose "
                + chosen.getEventId() + " (" + PartialDates.format(chosen.getEventDate()) + ") because " + RULE + ".";
    }

    private static Claim claim(final PolicyEvent event) {
        return new Claim(event.getEventId(), event.getEventDate(), event.getDateBounds(), event.getProvenance().getSource(), null);
    }
}
