package eu.partnershiptracker.core.fold;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.model.Claim;
import eu.partnershiptracker.model.Conflict;
import eu.partnershiptracker.model.ConflictType;
import eu.partnershiptracker.model.PolicyEvent;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every effective claim about one fact (an instrument, its key and a non-repeatable kind: "the FPA with Japan was
 * signed"), resolved over the whole timeline before any as-of date is applied, so that a date before every claim still
 * sees the disagreement and the answer as of D depends only on the resolved date.
 * <ul>
 * <li>Chosen claim: the finest precision (day, month, year, then bounds), then the earliest first possible day, then
 *     the smallest eventId.</li>
 * <li>Two claims agree when they allow a common day: a period containing another's refines it, an exact date inside
 *     bounds agrees with them, the same date from two sources corroborates. Bounded claims that agree with the chosen
 *     one narrow it. Claims that allow no common day make a {@link Conflict} listing every claim and the rule.</li>
 * </ul>
 */
final class FactClaims {

    private static final Comparator<PolicyEvent> CHOICE = Comparator
            .comparing((PolicyEvent event) -> DateClaim.of(event), DateClaim.PRECISION)
            .thenComparing(event -> DateClaim.of(event).earliestDay())
            .thenComparing(PolicyEvent::getEventId);

    private static final String RULE = "the finest precision wins (a stated day, month or year before bounds), then the"
            + " earliest date, then the smallest event id";

    private final List<PolicyEvent> claims;
    private final PolicyEvent chosen;
    private final DateClaim resolved;

    /** @param claims the effective events of one fact, at least one, in {@link EventOrder} */
    FactClaims(final List<PolicyEvent> claims) {
        if (claims.isEmpty()) {
            throw new IllegalArgumentException("a fact needs at least one claim");
        }
        this.claims = List.copyOf(claims);
        this.chosen = claims.stream().min(CHOICE).orElseThrow();
        DateClaim narrowed = DateClaim.of(chosen);
        for (final PolicyEvent claim : claims) {
            final DateClaim date = DateClaim.of(claim);
            if (narrowed.isBounded() && date.isBounded() && date.agreesWith(narrowed)) {
                narrowed = narrowed.narrowedBy(date);
            }
        }
        this.resolved = narrowed;
    }

    List<PolicyEvent> claims() {
        return claims;
    }

    PolicyEvent chosen() {
        return chosen;
    }

    /** When the fact happened, as the claims together say it. */
    DateClaim resolved() {
        return resolved;
    }

    Optional<Conflict> conflict() {
        final boolean disagree = claims.stream().anyMatch(one -> claims.stream()
                .anyMatch(other -> !DateClaim.of(one).agreesWith(DateClaim.of(other))));
        if (!disagree) {
            return Optional.empty();
        }
        return Optional.of(Conflict.newBuilder()
                .setInstrument(chosen.getInstrument())
                .setInstrumentKey(chosen.getInstrumentKey())
                .setKind(chosen.getKind())
                .setType(ConflictType.DATES)
                .setClaims(claims.stream().map(FactClaims::claim).toList())
                .setChosenEventId(chosen.getEventId())
                .setRule(rule())
                .build());
    }

    private String rule() {
        final String stated = claims.stream()
                .map(claim -> DateClaim.of(claim).format() + " (" + claim.getProvenance().getSource() + ")")
                .collect(Collectors.joining(", "));
        return "Sources disagree on when " + InstrumentId.of(chosen) + " was " + chosen.getKind() + ": " + stated
                + ". Chose " + chosen.getEventId() + " (" + DateClaim.of(chosen).format() + ") because " + RULE + ".";
    }

    static Claim claim(final PolicyEvent event) {
        final DateClaim date = DateClaim.of(event);
        return new Claim(event.getEventId(), date.exact(), date.bounds(), event.getProvenance().getSource(), null);
    }
}
