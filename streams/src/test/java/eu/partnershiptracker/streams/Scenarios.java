package eu.partnershiptracker.streams;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.core.testing.TestEvents;
import eu.partnershiptracker.model.Correction;
import eu.partnershiptracker.model.CorrectionType;
import eu.partnershiptracker.model.DateBounds;
import eu.partnershiptracker.model.DatePrecision;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PartialDate;
import eu.partnershiptracker.model.PolicyEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Random event sets for the property checks, shared by the TopologyTestDriver property test and the real-broker tests
 * so both exercise the same shapes: a few partnerships, corrections of corrections, retractions, re-publishes and
 * reused ids, delivered in a shuffled order.
 */
final class Scenarios {

    static final List<String> PARTNERSHIPS = List.of("EU:JP", "EU:NO", "NATO:UA");
    private static final List<InstrumentType> TYPES = List.of(InstrumentType.FPA, InstrumentType.SDP,
            InstrumentType.JOINT_DECLARATION, InstrumentType.JOINT_DECLARATION);
    private static final List<String> KEYS = List.of("", "", "2016", "2018");
    private static final List<EventKind> KINDS = List.of(EventKind.SIGNED, EventKind.ENTERED_INTO_FORCE,
            EventKind.NEGOTIATIONS_LAUNCHED, EventKind.LAUNCHED, EventKind.HELD, EventKind.TERMINATED,
            EventKind.SUSPENDED, EventKind.UNKNOWN);

    /** What one generated event says, before it is turned into a PolicyEvent. */
    record Draft(int partnership, int instrument, int kind, When date, int correctionRoll, int target) {
    }

    /** A stated date, or bounds (either may be open) when {@code exact} is null. */
    record When(PartialDate exact, DateBounds bounds) {
    }

    /** The records to deliver, in order. */
    record Scenario(List<PolicyEvent> arrivals) {
    }

    private Scenarios() {
    }

    static Arbitrary<Scenario> scenarios() {
        final Arbitrary<Draft> drafts = Combinators.combine(
                Arbitraries.integers().between(0, PARTNERSHIPS.size() - 1),
                Arbitraries.integers().between(0, TYPES.size() - 1),
                Arbitraries.integers().between(0, KINDS.size() - 1),
                dates(),
                Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 1000)).as(Draft::new);
        return drafts.list().ofMinSize(1).ofMaxSize(16)
                .flatMap(list -> Arbitraries.randoms().map(random -> scenario(list, random)));
    }

    static Arbitrary<List<LocalDate>> asOfDates() {
        return Arbitraries.integers().between(0, 6 * 366).map(days -> LocalDate.of(2018, 12, 1).plusDays(days))
                .list().ofMinSize(1).ofMaxSize(4);
    }

    /** One value of an arbitrary, the same for the same seed, for tests that jqwik does not run. */
    static <T> T sample(final Arbitrary<T> arbitrary, final long seed) {
        JqwikSession.start(Long.toString(seed));
        try {
            return arbitrary.sample();
        } finally {
            JqwikSession.finish();
        }
    }

    /** About half exact dates; the rest bounds, closed or open at one end, at any precision. */
    private static Arbitrary<When> dates() {
        return Combinators.combine(partialDates(), partialDates(), Arbitraries.integers().between(0, 5))
                .as((one, other, roll) -> {
                    if (roll < 3) {
                        return new When(one, null);
                    }
                    final boolean ordered = !one.getDate().isAfter(other.getDate());
                    final PartialDate lower = ordered ? one : other;
                    final PartialDate upper = ordered ? other : one;
                    return switch (roll) {
                        case 3 -> new When(null, new DateBounds(null, upper));
                        case 4 -> new When(null, new DateBounds(lower, null));
                        default -> new When(null, new DateBounds(lower, upper));
                    };
                });
    }

    private static Arbitrary<PartialDate> partialDates() {
        return Combinators.combine(Arbitraries.integers().between(2019, 2023), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 28), Arbitraries.of(DatePrecision.class)).as((year, month, day, precision) ->
                        switch (precision) {
                            case DAY -> new PartialDate(LocalDate.of(year, month, day), precision);
                            case MONTH -> new PartialDate(LocalDate.of(year, month, 1), precision);
                            case YEAR -> new PartialDate(LocalDate.of(year, 1, 1), precision);
                        });
    }

    /**
     * Events e0..en from the drafts; rolls 0-1 make a correction and roll 2 a retraction of an earlier event (taking its
     * partnership), so corrections of corrections occur too. The arrival order is shuffled, about a fifth of the events
     * are published twice and about a tenth get a second, different event under the same id.
     */
    private static Scenario scenario(final List<Draft> drafts, final Random random) {
        final List<PolicyEvent> events = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            final Draft draft = drafts.get(i);
            final boolean correcting = i > 0 && draft.correctionRoll() < 3;
            final PolicyEvent target = correcting ? events.get(draft.target() % i) : null;
            final String partnership = target == null ? PARTNERSHIPS.get(draft.partnership())
                    : PartnershipKey.of(target);
            final PolicyEvent.Builder event = TestEvents.event("e" + i, partnership, TYPES.get(draft.instrument()),
                    KINDS.get(draft.kind()), "2000")
                    .setEventDate(draft.date().exact())
                    .setDateBounds(draft.date().bounds())
                    .setInstrumentKey(KEYS.get(draft.instrument()).isEmpty() ? null : KEYS.get(draft.instrument()));
            if (target != null) {
                event.setCorrection(new Correction(target.getEventId(),
                        draft.correctionRoll() < 2 ? CorrectionType.CORRECTS : CorrectionType.RETRACTS, null));
            }
            events.add(event.build());
        }
        final List<PolicyEvent> arrivals = new ArrayList<>(events);
        for (final PolicyEvent event : events) {
            final int roll = random.nextInt(10);
            if (roll < 2) {
                arrivals.add(PolicyEvent.newBuilder(event).build());
            } else if (roll == 2) {
                arrivals.add(PolicyEvent.newBuilder(event).setNotes("a different claim under a reused id").build());
            }
        }
        Collections.shuffle(arrivals, random);
        return new Scenario(arrivals);
    }
}
