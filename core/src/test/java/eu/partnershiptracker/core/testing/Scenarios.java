package eu.partnershiptracker.core.testing;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.model.Correction;
import eu.partnershiptracker.model.CorrectionType;
import eu.partnershiptracker.model.DateBounds;
import eu.partnershiptracker.model.DatePrecision;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PartialDate;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.model.StepOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Random event sets for the property checks, shared by core's index properties, the TopologyTestDriver property test and
 * the real-broker tests so all exercise the same shapes: a few partnerships, corrections of corrections, retractions,
 * re-publishes and reused ids, delivered in a shuffled order. The rich variant adds what the streams reference model
 * does not state: stated orders (narrowed bounds, contradictions), counterpart names, corrections of events that never
 * arrive and of themselves.
 */
public final class Scenarios {

    public static final List<String> PARTNERSHIPS = List.of("EU:JP", "EU:NO", "NATO:UA");
    private static final List<InstrumentType> TYPES = List.of(InstrumentType.FPA, InstrumentType.SDP,
            InstrumentType.JOINT_DECLARATION, InstrumentType.JOINT_DECLARATION);
    private static final List<String> KEYS = List.of("", "", "2016", "2018");
    private static final List<EventKind> KINDS = List.of(EventKind.SIGNED, EventKind.ENTERED_INTO_FORCE,
            EventKind.NEGOTIATIONS_LAUNCHED, EventKind.LAUNCHED, EventKind.HELD, EventKind.TERMINATED,
            EventKind.SUSPENDED, EventKind.UNKNOWN);

    /** What one generated event says, before it is turned into a PolicyEvent. */
    public record Draft(int partnership, int instrument, int kind, When date, int correctionRoll, int target) {
    }

    /** A stated date, or bounds (either may be open) when {@code exact} is null. */
    public record When(PartialDate exact, DateBounds bounds) {
    }

    /** The records to deliver, in order. */
    public record Scenario(List<PolicyEvent> arrivals) {
    }

    private Scenarios() {
    }

    public static Arbitrary<Scenario> scenarios() {
        return scenarios(16, false);
    }

    /** Up to {@code maxEvents} distinct events with stated orders, names and dangling or self corrections too. */
    public static Arbitrary<Scenario> richScenarios(final int maxEvents) {
        return scenarios(maxEvents, true);
    }

    private static Arbitrary<Scenario> scenarios(final int maxEvents, final boolean rich) {
        final Arbitrary<Draft> drafts = Combinators.combine(
                Arbitraries.integers().between(0, PARTNERSHIPS.size() - 1),
                Arbitraries.integers().between(0, TYPES.size() - 1),
                Arbitraries.integers().between(0, KINDS.size() - 1),
                dates(),
                Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 1000)).as(Draft::new);
        return drafts.list().ofMinSize(1).ofMaxSize(maxEvents)
                .flatMap(list -> Arbitraries.randoms().map(random -> scenario(list, random, rich)));
    }

    /**
     * One partnership whose few instruments grow long: mostly dialogue rounds and other repeatable events, a few days
     * apart and some on the same day, arriving mostly in date order with some dated early or arriving late, among them a
     * lifecycle step now and then (claimed again sometimes), short or open bounds, month dates, titles, names (renamed
     * now and then), a stated order with a contradiction and a correction or retraction now and then. Each event is
     * delivered once.
     */
    public static Arbitrary<Scenario> longInstruments(final int maxEvents) {
        return Combinators.combine(Arbitraries.integers().between(2, maxEvents), Arbitraries.randoms())
                .as(Scenarios::longInstruments);
    }

    private static Scenario longInstruments(final int count, final Random random) {
        final List<PolicyEvent> events = new ArrayList<>();
        final List<EventKind> steps = List.of(EventKind.LAUNCHED, EventKind.SIGNED, EventKind.ENTERED_INTO_FORCE,
                EventKind.NEGOTIATIONS_LAUNCHED, EventKind.TERMINATED);
        final List<EventKind> repeated = List.of(EventKind.HELD, EventKind.HELD, EventKind.HELD, EventKind.UPGRADED,
                EventKind.SUSPENDED, EventKind.UNKNOWN);
        LocalDate day = LocalDate.of(2019, 1, 1);
        for (int i = 0; i < count; i++) {
            day = day.plusDays(random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(4));
            final int roll = random.nextInt(20);
            final EventKind kind = roll == 0 ? steps.get(random.nextInt(steps.size()))
                    : repeated.get(random.nextInt(repeated.size()));
            final LocalDate dated = random.nextInt(10) == 0 ? day.minusDays(random.nextInt(60)) : day;
            final PolicyEvent.Builder event = TestEvents.event("e" + i, PARTNERSHIPS.get(0),
                    InstrumentType.SECURITY_DEFENCE_DIALOGUE, kind, dated.toString())
                    .setInstrumentKey(random.nextInt(6) == 0 ? "second" : "first");
            if (random.nextInt(15) == 0) {
                event.setEventDate(null).setDateBounds(new DateBounds(
                        new PartialDate(dated, DatePrecision.DAY),
                        random.nextInt(3) == 0 ? null : new PartialDate(dated.plusDays(random.nextInt(10)),
                                DatePrecision.DAY)));
            } else if (random.nextInt(10) == 0) {
                event.setEventDate(new PartialDate(dated.withDayOfMonth(1), DatePrecision.MONTH));
            }
            if (random.nextInt(3) == 0) {
                event.setTitle("Round " + i);
            }
            if (random.nextInt(10) == 0) {
                event.setInstrumentName(random.nextInt(4) == 0 ? "Other dialogue" : "Dialogue");
            }
            if (random.nextInt(30) == 0) {
                event.setOrders(List.of(new StepOrder("order-0", "source-of-order-0.txt", "as listed", null,
                        "e" + i + " < another step", List.of("The dates of e" + i + " contradict order-0."))));
            }
            if (i > 0 && random.nextInt(25) == 0) {
                event.setCorrection(new Correction("e" + random.nextInt(i),
                        random.nextBoolean() ? CorrectionType.CORRECTS : CorrectionType.RETRACTS, null));
            }
            events.add(event.build());
        }
        final List<PolicyEvent> arrivals = new ArrayList<>(events);
        // An event now and then arrives a few places late, after events dated after it.
        for (int i = 0; i < arrivals.size() - 1; i++) {
            if (random.nextInt(10) == 0) {
                Collections.swap(arrivals, i, i + 1 + random.nextInt(Math.min(5, arrivals.size() - i - 1)));
            }
        }
        return new Scenario(arrivals);
    }

    public static Arbitrary<List<LocalDate>> asOfDates() {
        return Arbitraries.integers().between(0, 6 * 366).map(days -> LocalDate.of(2018, 12, 1).plusDays(days))
                .list().ofMinSize(1).ofMaxSize(4);
    }

    /**
     * The first arrival of each id, as the processor accepts them, by partnership key in key order: each recorded at a
     * random second from t0, so that recorded order differs from arrival order and ties on recordedAt are broken by
     * offset (the arrival's place); later arrivals of an id are skipped.
     */
    public static Map<String, List<TimelineEntry>> accepted(final Scenario scenario, final Instant t0,
            final Random random) {
        final Map<String, List<TimelineEntry>> byKey = new TreeMap<>();
        final Set<String> seen = new HashSet<>();
        final List<PolicyEvent> arrivals = scenario.arrivals();
        for (int i = 0; i < arrivals.size(); i++) {
            final PolicyEvent event = arrivals.get(i);
            // Drawn for every arrival, skipped or not, so that a seed gives the same instants as it always did.
            final Instant recordedAt = t0.plusSeconds(random.nextInt(arrivals.size()));
            if (seen.add(event.getEventId())) {
                byKey.computeIfAbsent(PartnershipKey.of(event), key -> new ArrayList<>())
                        .add(new TimelineEntry(event, recordedAt, 0, i));
            }
        }
        return byKey;
    }

    /** One value of an arbitrary, the same for the same seed, for tests that jqwik does not run. */
    public static <T> T sample(final Arbitrary<T> arbitrary, final long seed) {
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
    private static Scenario scenario(final List<Draft> drafts, final Random random, final boolean rich) {
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
            if (rich) {
                enrich(event, random);
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

    /**
     * Rich shapes: a correction or retraction of an event that never arrives or of itself, a stated order that narrows
     * bounds to the lower bound's period, one whose contradiction is reported, a counterpart name, a title, an
     * instrument name.
     */
    private static void enrich(final PolicyEvent.Builder event, final Random random) {
        if (event.getCorrection() == null && random.nextInt(12) == 0) {
            event.setCorrection(new Correction(random.nextBoolean() ? "never-" + random.nextInt(3) : event.getEventId(),
                    random.nextBoolean() ? CorrectionType.CORRECTS : CorrectionType.RETRACTS, null));
        }
        final DateBounds bounds = event.getDateBounds();
        if (bounds != null && random.nextInt(4) == 0) {
            final PartialDate narrowed = bounds.getNotBefore() != null ? bounds.getNotBefore() : bounds.getNotAfter();
            event.setOrderBounds(new DateBounds(narrowed, narrowed));
        }
        if (random.nextInt(5) == 0) {
            final String order = "order-" + random.nextInt(2);
            event.setOrders(List.of(new StepOrder(order, "source-of-" + order + ".txt", "as listed", null,
                    event.getEventId() + " < another step", List.of("The dates of " + event.getEventId()
                            + " contradict " + order + "."))));
        }
        if (random.nextInt(4) == 0) {
            event.setCounterpartName("Counterpart " + random.nextInt(3));
        }
        if (random.nextInt(2) == 0) {
            event.setTitle("Title " + random.nextInt(4));
        }
        if (random.nextInt(3) == 0) {
            event.setInstrumentName("Name " + random.nextInt(3));
        }
    }
}
