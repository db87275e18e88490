package eu.partnershiptracker.benchmark.load;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.Correction;
import eu.partnershiptracker.model.CorrectionType;
import eu.partnershiptracker.model.DatePrecision;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PartialDate;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.model.Provenance;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic load shaped like the curated data, scaled up: {@code events} PolicyEvents spread evenly over
 * {@code partnerships} partnerships. Each partnership walks a few instruments through their lifecycles (negotiations,
 * signature, entry into force...), then holds dialogue rounds; dates are given to the day, month or year; about 3% of
 * records are re-published duplicates, 2% corrections, 1% retractions and 2% conflicting claims from another source; and
 * about 10% of events arrive after events dated later than them. The same seed gives the same events.
 *
 * <p>The {@link Shape} decides how dialogue rounds are keyed; {@link #withHistoryLength} fixes the number of events per
 * partnership, so that runs of the same total differ only in history length.
 */
public final class EventGenerator {

    /** How dialogue rounds map to instruments. */
    public enum Shape {
        /** Every round its own instrument ("round-N"): instruments grow with the history, the worst case. */
        STRESS,
        /** Rounds share a few instrument keys, as the curated data does (e.g. "high-level-meetings"). */
        REALISTIC
    }

    /** An instrument and the kinds it goes through, in lifecycle order. */
    private record Lifecycle(InstrumentType instrument, String name, List<EventKind> kinds) {
    }

    private static final List<Lifecycle> LIFECYCLES = List.of(
            new Lifecycle(InstrumentType.FPA, "Framework Participation Agreement", List.of(
                    EventKind.NEGOTIATIONS_LAUNCHED, EventKind.NEGOTIATIONS_CONCLUDED, EventKind.SIGNED,
                    EventKind.ENTERED_INTO_FORCE)),
            new Lifecycle(InstrumentType.SDP, "Security and Defence Partnership", List.of(EventKind.SIGNED)),
            new Lifecycle(InstrumentType.SECURITY_OF_INFORMATION_AGREEMENT, "Security of Information Agreement",
                    List.of(EventKind.NEGOTIATIONS_LAUNCHED, EventKind.SIGNED, EventKind.ENTERED_INTO_FORCE)),
            new Lifecycle(InstrumentType.STRATEGIC_PARTNERSHIP, "Strategic Partnership",
                    List.of(EventKind.LAUNCHED, EventKind.UPGRADED)),
            new Lifecycle(InstrumentType.ADMINISTRATIVE_ARRANGEMENT, "Administrative Arrangement",
                    List.of(EventKind.SIGNED)),
            new Lifecycle(InstrumentType.PARTNERSHIP_FOR_PEACE, "Partnership for Peace", List.of(EventKind.JOINED)),
            new Lifecycle(InstrumentType.ITPP, "Individually Tailored Partnership Programme",
                    List.of(EventKind.ENDORSED)),
            new Lifecycle(InstrumentType.EU_CANDIDATE_STATUS, "EU candidate status",
                    List.of(EventKind.APPLIED, EventKind.GRANTED)));
    private static final List<InstrumentType> DIALOGUES =
            List.of(InstrumentType.SECURITY_DEFENCE_DIALOGUE, InstrumentType.STRUCTURED_DIALOGUE);
    private static final List<String> AREAS = List.of("crisis management", "cyber security", "maritime security",
            "counter-terrorism", "hybrid threats", "non-proliferation", "space");
    private static final int LIFECYCLES_PER_PARTNERSHIP = 3;
    private static final int SOURCES = 40;
    private static final int LETTERS = 26;
    private static final int CODE_LENGTH = 3;
    private static final List<String> SHARED_ROUND_KEYS = List.of("high-level-meetings", "annual-dialogue");

    private final long seed;
    private final long events;
    private final int partnerships;
    private final int firstPartnership;
    private final Shape shape;

    /** The stress shape, partnerships numbered from 0. */
    public EventGenerator(final long seed, final long events, final int partnerships) {
        this(seed, events, partnerships, 0, Shape.STRESS);
    }

    /**
     * @param firstPartnership the number of the first partnership, so that a second load (e.g. the one published at a
     *                         fixed rate) has partnerships, keys and event ids of its own
     */
    public EventGenerator(final long seed, final long events, final int partnerships, final int firstPartnership,
            final Shape shape) {
        if (partnerships <= 0 || events < partnerships) {
            throw new IllegalArgumentException("need at least one event per partnership and one partnership: "
                    + events + " events, " + partnerships + " partnerships");
        }
        if (firstPartnership < 0) {
            throw new IllegalArgumentException("firstPartnership must not be negative: " + firstPartnership);
        }
        this.seed = seed;
        this.events = events;
        this.partnerships = partnerships;
        this.firstPartnership = firstPartnership;
        this.shape = Objects.requireNonNull(shape, "shape");
    }

    /** {@code total} events rounded down to a multiple of {@code length}, exactly {@code length} per partnership. */
    public static EventGenerator withHistoryLength(final long seed, final long total, final int length,
            final Shape shape) {
        if (length <= 0 || total < length) {
            throw new IllegalArgumentException("history length must be between 1 and the total of " + total
                    + " events: " + length);
        }
        final long partnerships = total / length;
        return new EventGenerator(seed, partnerships * length, Math.toIntExact(partnerships), 0, shape);
    }

    public long events() {
        return events;
    }

    public int partnerships() {
        return partnerships;
    }

    /** The keys of this load's partnerships, in order. */
    public List<String> keys() {
        final List<String> keys = new ArrayList<>(partnerships);
        for (int partnership = 0; partnership < partnerships; partnership++) {
            keys.add(key(partnership));
        }
        return keys;
    }

    public Actor actor(final int partnership) {
        return (firstPartnership + partnership) % 5 < 3 ? Actor.EU : Actor.NATO;
    }

    /** A made-up counterpart code, unique per partnership: AAA, AAB, ... (four letters past 17,576). */
    public String counterpart(final int partnership) {
        final StringBuilder code = new StringBuilder();
        int rest = firstPartnership + partnership;
        do {
            code.append((char) ('A' + rest % LETTERS));
            rest /= LETTERS;
        } while (rest > 0);
        while (code.length() < CODE_LENGTH) {
            code.append('A');
        }
        return code.reverse().toString();
    }

    /** The Kafka key, "ACTOR:COUNTERPART". */
    public String key(final int partnership) {
        return PartnershipKey.of(actor(partnership).name(), counterpart(partnership));
    }

    /** The records of one partnership in the order they are published: duplicates and late arrivals included. */
    public List<PolicyEvent> partnershipEvents(final int partnership) {
        final int count = Math.toIntExact(events / partnerships + (partnership < events % partnerships ? 1 : 0));
        return new Script(partnership, new SplittableRandom(seed * 1_000_003L + firstPartnership + partnership)).write(count);
    }

    /** Writes the records of one partnership. */
    private final class Script {

        private final int partnership;
        private final SplittableRandom random;
        private final String idPrefix;
        private final List<PolicyEvent> published = new ArrayList<>();
        private final List<Lifecycle> lifecycles = new ArrayList<>();
        private final int[] reached;
        private final InstrumentType dialogue;
        private LocalDate cursor;
        private int sequence;

        Script(final int partnership, final SplittableRandom random) {
            this.partnership = partnership;
            this.random = random;
            this.idPrefix = key(partnership).toLowerCase(Locale.ROOT).replace(':', '-') + "-";
            final List<Lifecycle> shuffled = new ArrayList<>(LIFECYCLES);
            Collections.shuffle(shuffled, new Random(random.nextLong()));
            lifecycles.addAll(shuffled.subList(0, LIFECYCLES_PER_PARTNERSHIP));
            this.reached = new int[LIFECYCLES_PER_PARTNERSHIP];
            this.dialogue = DIALOGUES.get(random.nextInt(DIALOGUES.size()));
            this.cursor = LocalDate.of(1992 + random.nextInt(25), 1 + random.nextInt(12), 1 + random.nextInt(28));
        }

        List<PolicyEvent> write(final int count) {
            while (published.size() < count) {
                final double dice = random.nextDouble();
                if (published.isEmpty() || dice >= 0.08) {
                    published.add(nextFact());
                } else if (dice < 0.03) {
                    published.add(published.get(random.nextInt(published.size())));
                } else if (dice < 0.05) {
                    published.add(revision(original(), CorrectionType.CORRECTS));
                } else if (dice < 0.06) {
                    published.add(revision(original(), CorrectionType.RETRACTS));
                } else {
                    published.add(conflictingClaim(original()));
                }
            }
            arriveLate();
            return published;
        }

        /** The next step of an unfinished lifecycle, or else another dialogue round. */
        private PolicyEvent nextFact() {
            cursor = cursor.plusDays(10 + random.nextInt(110));
            final int lifecycle = random.nextInt(LIFECYCLES_PER_PARTNERSHIP + 2);
            if (lifecycle < LIFECYCLES_PER_PARTNERSHIP
                    && reached[lifecycle] < lifecycles.get(lifecycle).kinds().size()) {
                final Lifecycle chosen = lifecycles.get(lifecycle);
                final EventKind kind = chosen.kinds().get(reached[lifecycle]++);
                return event(chosen.instrument(), null, kind, chosen.name(), date(cursor), null);
            }
            final String round = shape == Shape.STRESS ? "round-" + (sequence + 1)
                    : SHARED_ROUND_KEYS.get(random.nextInt(SHARED_ROUND_KEYS.size()));
            return event(dialogue, round, EventKind.HELD, "Security and defence dialogue round", date(cursor), null);
        }

        /** An event published earlier that is not itself a correction. */
        private PolicyEvent original() {
            for (int attempt = 0; attempt < 8; attempt++) {
                final PolicyEvent candidate = published.get(random.nextInt(published.size()));
                if (candidate.getCorrection() == null) {
                    return candidate;
                }
            }
            return published.get(0);
        }

        private PolicyEvent revision(final PolicyEvent target, final CorrectionType type) {
            final Correction correction = new Correction(target.getEventId(), type,
                    type == CorrectionType.CORRECTS ? "The source gives a different date." : "Not supported by the source.");
            final LocalDate corrected = target.getEventDate().getDate().plusDays(random.nextInt(60) - 30);
            return event(target.getInstrument(), target.getInstrumentKey(), target.getKind(), target.getTitle(),
                    date(corrected), correction);
        }

        /** The same fact dated differently by another source: the fold keeps both claims and picks one. */
        private PolicyEvent conflictingClaim(final PolicyEvent claimed) {
            final LocalDate other = claimed.getEventDate().getDate().plusMonths(random.nextInt(1, 13));
            return event(claimed.getInstrument(), claimed.getInstrumentKey(), claimed.getKind(), claimed.getTitle(),
                    date(other), null);
        }

        private PolicyEvent event(final InstrumentType instrument, final String instrumentKey, final EventKind kind,
                final String name, final PartialDate date, final Correction correction) {
            final String eventId = idPrefix + (++sequence);
            final String source = String.format(Locale.ROOT, "synthetic-%02d.txt", random.nextInt(SOURCES));
            final List<String> areas = new ArrayList<>();
            for (int area = random.nextInt(3); area > 0; area--) {
                areas.add(AREAS.get(random.nextInt(AREAS.size())));
            }
            return PolicyEvent.newBuilder()
                    .setEventId(eventId)
                    .setActor(actor(partnership))
                    .setCounterpart(counterpart(partnership))
                    .setInstrument(instrument)
                    .setInstrumentKey(instrumentKey)
                    .setKind(kind)
                    .setEventDate(date)
                    .setProvenance(new Provenance(source, actor(partnership) + " and " + counterpart(partnership) + " "
                            + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " the " + name + " ("
                            + date.getDate() + "), as the source reports.", "section " + (1 + random.nextInt(9))))
                    .setTitle(actor(partnership) + "-" + counterpart(partnership) + " " + name)
                    .setAreas(areas)
                    .setNotes(null)
                    .setCorrection(correction)
                    .build();
        }

        /** Sources give the day 60% of the time, the month 25%, the year 15%: the date is the period's first day. */
        private PartialDate date(final LocalDate day) {
            final double dice = random.nextDouble();
            if (dice < 0.60) {
                return new PartialDate(day, DatePrecision.DAY);
            }
            if (dice < 0.85) {
                return new PartialDate(day.withDayOfMonth(1), DatePrecision.MONTH);
            }
            return new PartialDate(day.withDayOfYear(1), DatePrecision.YEAR);
        }

        /** Moves about one record in ten to a later place, so that it arrives after events dated after it. */
        private void arriveLate() {
            final int size = published.size();
            for (int index = 0; index < size - 1; index++) {
                if (random.nextDouble() < 0.10) {
                    Collections.swap(published, index, index + 1 + random.nextInt(Math.min(10, size - index - 1)));
                }
            }
        }
    }
}
