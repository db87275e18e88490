package eu.partnershiptracker.core.fold;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.core.InstrumentCategories;
import eu.partnershiptracker.core.ShallowCopy;
import eu.partnershiptracker.model.Certainty;
import eu.partnershiptracker.model.Conflict;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.PartialDate;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.model.Provenance;
import java.lang.reflect.Array;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One instrument's state as of every date, prebuilt from its effective facts, so that an as-of answer is one floor
 * search instead of a fold. It must equal what {@link InstrumentFold} gives for the instrument on any date.
 * <ul>
 * <li>As of D a step is absent, possible or certain by {@link DateClaim#certaintyOn}: absent before the first day its
 *     resolved date allows, certain from the day it is certain, possible between. The state can only change on those
 *     days, so one sweep over them in date order, in which steps only ever become present and then certain, keeps the
 *     status rule's maxima and minima as it goes: O(m log m) for m facts, one version per day that changes it.</li>
 * <li>Versions leave out the eventIds (all present steps' events), which would make them O(m^2) together: each fact
 *     keeps the day its step appears instead, and an as-of answer lists the facts present by then.</li>
 * <li>A fact that comes after all the others ({@link #appendable}) cannot change the versions before its first day,
 *     and the status rule only needs the few steps that hold one of its maxima or minima (the sweep's tail), so
 *     {@link #appended} resumes the sweep from those: no fact is read again and the work does not grow with the facts.
 *     The per-fact arrays and the versions are still copied on write (a memory copy of m references).</li>
 * <li>A fact that comes earlier, or one that a correction takes away, changes nothing before its own first day D either
 *     ({@link #inserted}, {@link #removed}), provided every step is one fact: the sweep is resumed from D with the facts
 *     that still change something from D on and the few settled ones that hold an extreme, found from per-fact days
 *     and traits without reading any. Only those are read; how many depends on how far back D lies, so a correction
 *     of an old fact still reads the instrument's facts after it.</li>
 * <li>Anything else (a second claim of a fact, which joins claims into one step) is rebuilt from all the facts.</li>
 * </ul>
 */
public final class InstrumentVersions {

    private final InstrumentId id;
    /** In {@link EventOrder}. */
    private final List<String> factIds;
    /** presentFrom[i]: the epoch day from which fact i's step is present; Long.MIN_VALUE for always. */
    private final long[] presentFrom;
    /** certainFrom[i]: the epoch day from which fact i's step is certain; Long.MAX_VALUE for never. */
    private final long[] certainFrom;
    /** traits[i]: what {@link #closedExtremes} needs of fact i without reading it ({@link Traits}). */
    private final int[] traits;
    /** Whether every step is one fact: no non-repeatable kind has two claims, whose resolution would join them. */
    private final boolean singleClaims;
    private final LocalDate latestFactDay;
    private final long[] days;
    /** states[0] before days[0], states[i + 1] from days[i]; null where the instrument is absent; no eventIds. */
    private final InstrumentState[] states;
    private final InstrumentState current;
    /** The current state without eventIds, as the instruments topic publishes it. */
    private final InstrumentState published;
    private final List<Conflict> conflicts;
    /** The steps the sweep's state refers to once every day has passed, in EventOrder: at most eight. */
    private final List<InstrumentFold.Step> tail;
    /** The last day any step becomes possible or certain on; null when none does. */
    private final LocalDate lastSweepDay;
    /** The last fact in {@link EventOrder}. */
    private final PolicyEvent lastFact;
    /** The non-repeatable kinds with a claim here, whose resolution a further claim would change. */
    private final Set<EventKind> claimedKinds;

    private InstrumentVersions(final InstrumentId id, final List<String> factIds, final long[] presentFrom,
            final long[] certainFrom, final int[] traits, final boolean singleClaims, final LocalDate latestFactDay,
            final Swept swept, final List<Conflict> conflicts, final PolicyEvent lastFact,
            final Set<EventKind> claimedKinds) {
        this.id = id;
        this.factIds = factIds;
        this.presentFrom = presentFrom;
        this.certainFrom = certainFrom;
        this.traits = traits;
        this.singleClaims = singleClaims;
        this.latestFactDay = latestFactDay;
        this.days = swept.days();
        this.states = swept.states();
        this.current = withEventIds(swept.published(), factIds);
        this.published = swept.published();
        this.conflicts = conflicts;
        this.tail = swept.tail().stream().map(step -> new InstrumentFold.Step(step.kind(), step.date(),
                step.events().stream().map(this::keptWhole).toList())).toList();
        this.lastSweepDay = swept.lastDay();
        this.lastFact = tail.stream().flatMap(step -> step.events().stream())
                .filter(event -> event.getEventId().equals(lastFact.getEventId())).findFirst()
                .orElseGet(() -> keptWhole(lastFact));
        this.claimedKinds = claimedKinds;
    }

    /** The versions a sweep gives: days and states, the state after the last day, and what resuming it needs. */
    private record Swept(long[] days, InstrumentState[] states, InstrumentState published,
            List<InstrumentFold.Step> tail, LocalDate lastDay) {
    }

    /** @param facts the instrument's effective events, at least one, all of instrument {@code id}, in any order */
    public static InstrumentVersions of(final InstrumentId id, final List<PolicyEvent> facts) {
        Objects.requireNonNull(id, "id");
        if (facts.isEmpty()) {
            throw new IllegalArgumentException("instrument " + id + " needs at least one fact");
        }
        final List<PolicyEvent> sorted = facts.stream().sorted(EventOrder.EVENTS).toList();
        sorted.stream().filter(fact -> !InstrumentId.of(fact).equals(id)).findFirst().ifPresent(fact -> {
            throw new IllegalArgumentException("event " + fact.getEventId() + " is not of instrument " + id);
        });
        final Sweep sweep = new Sweep(id, sorted, InstrumentFold.steps(sorted));
        final long[] presentFrom = sweep.presentFrom();
        final List<String> ids = sorted.stream().map(PolicyEvent::getEventId).toList();
        final Set<EventKind> claimed = EnumSet.noneOf(EventKind.class);
        sorted.stream().map(PolicyEvent::getKind).filter(kind -> !Lifecycle.repeatable(kind)).forEach(claimed::add);
        final boolean singleClaims = sorted.stream().filter(fact -> !Lifecycle.repeatable(fact.getKind())).count()
                == claimed.size();
        return new InstrumentVersions(id, ids, presentFrom, sweep.certainFrom(),
                sorted.stream().mapToInt(Traits::of).toArray(), singleClaims,
                sorted.stream().map(fact -> DateClaim.of(fact).earliestDay()).max(LocalDate::compareTo).orElseThrow(),
                sweep(sweep, new long[0], Collections.singletonList(sweep.state()), LocalDate.MIN), InstrumentFold.conflicts(sorted),
                sorted.get(sorted.size() - 1), claimed);
    }

    /**
     * Whether {@link #appended} can take this further fact of the instrument: it comes after every fact in
     * {@link EventOrder}, no step changes after its first day, and it {@link #changesNoClaim}. Then the versions
     * before its first day stay as they are.
     */
    public boolean appendable(final PolicyEvent fact) {
        Objects.requireNonNull(fact, "fact");
        final LocalDate first = DateClaim.of(fact).possibleFrom().orElse(null);
        return first != null && (lastSweepDay == null || !first.isBefore(lastSweepDay))
                && EventOrder.EVENTS.compare(lastFact, fact) < 0 && changesNoClaim(fact);
    }

    /**
     * Whether the fact is of this instrument, adds no conflict, is repeatable or the first claim of its kind (so no
     * resolved date moves), and names the instrument as it is named or not at all (the name holds on every date).
     */
    private boolean changesNoClaim(final PolicyEvent fact) {
        return (fact.getInstrumentName() == null || fact.getInstrumentName().equals(published.getName()))
                && (Lifecycle.repeatable(fact.getKind()) || !claimedKinds.contains(fact.getKind()))
                && InstrumentId.of(fact).equals(id) && InstrumentFold.conflicts(List.of(fact)).isEmpty();
    }

    /**
     * These versions with one more fact that is {@link #appendable}: the versions before its first day kept, the
     * sweep resumed from its tail and the new step. Equal to {@link #of} on all the facts.
     */
    public InstrumentVersions appended(final PolicyEvent fact) {
        if (!appendable(fact)) {
            throw new IllegalArgumentException("event " + fact.getEventId() + " does not come after every fact of "
                    + id + ", or changes a claim");
        }
        final List<InstrumentFold.Step> steps = new ArrayList<>(tail);
        steps.addAll(InstrumentFold.steps(List.of(fact)));
        final List<PolicyEvent> facts = steps.stream().flatMap(step -> step.events().stream())
                .sorted(EventOrder.EVENTS).toList();
        final LocalDate first = DateClaim.of(fact).possibleFrom().orElseThrow();
        final int found = Arrays.binarySearch(days, first.toEpochDay());
        final int kept = found >= 0 ? found : -found - 1;
        final List<String> ids = new ArrayList<>(factIds.size() + 1);
        ids.addAll(factIds);
        ids.add(fact.getEventId());
        final int at = presentFrom.length;
        return new InstrumentVersions(id, List.copyOf(ids), spliced(presentFrom, at, first.toEpochDay()),
                spliced(certainFrom, at, certainDay(fact)), spliced(traits, at, Traits.of(fact)), singleClaims,
                first.isAfter(latestFactDay) ? first : latestFactDay,
                sweep(new Sweep(id, facts, steps), Arrays.copyOf(days, kept),
                        Arrays.asList(Arrays.copyOf(states, kept + 1)), first),
                conflicts, fact, claimedWith(fact));
    }

    /**
     * Whether {@link #inserted} can take this further fact of the instrument: as {@link #appendable}, but anywhere in
     * {@link EventOrder} and on any day, provided every step is one fact ({@link #singleClaims}).
     */
    public boolean insertable(final PolicyEvent fact) {
        Objects.requireNonNull(fact, "fact");
        return singleClaims && DateClaim.of(fact).possibleFrom().isPresent() && changesNoClaim(fact);
    }

    /**
     * These versions with one more fact that is {@link #insertable}, equal to {@link #of} on all the facts: the sweep
     * is {@link #resumed} from the fact's first day, before which nothing changes.
     *
     * @param facts reads a fact of this instrument by eventId
     */
    public InstrumentVersions inserted(final PolicyEvent fact, final Function<String, PolicyEvent> facts) {
        Objects.requireNonNull(facts, "facts");
        if (!insertable(fact)) {
            throw new IllegalArgumentException("event " + fact.getEventId() + " cannot be inserted into " + id
                    + ": a second claim of its kind, a conflict, another name, or an instrument of joined claims");
        }
        final LocalDate earliest = DateClaim.of(fact).earliestDay();
        return resumed(-1, fact, insertionPoint(fact), DateClaim.of(fact).possibleFrom().orElseThrow().toEpochDay(),
                facts, earliest.isAfter(latestFactDay) ? earliest : latestFactDay,
                EventOrder.EVENTS.compare(lastFact, fact) < 0 ? fact : lastFact, claimedWith(fact));
    }

    /**
     * Whether {@link #removed} can take this fact away (a correction or retraction marks it): every step is one fact,
     * the fact has a first day, adds no conflict of its own, and is not the one that gives the instrument its name
     * (the name holds on every date, so the versions before its day would change too).
     */
    public boolean removable(final PolicyEvent fact) {
        Objects.requireNonNull(fact, "fact");
        final int at = indexOf(fact);
        return singleClaims && at >= 0 && presentFrom[at] != Long.MIN_VALUE && at != lastNamed()
                && InstrumentFold.conflicts(List.of(fact)).isEmpty();
    }

    /**
     * These versions without a fact that is {@link #removable}, equal to {@link #of} on the other facts, or null when
     * it was the only one: the sweep is {@link #resumed} from the fact's first day, before which it changed nothing.
     *
     * @param facts reads a fact of this instrument by eventId
     */
    public InstrumentVersions removed(final PolicyEvent fact, final Function<String, PolicyEvent> facts) {
        Objects.requireNonNull(facts, "facts");
        if (!removable(fact)) {
            throw new IllegalArgumentException("event " + fact.getEventId() + " cannot be removed from " + id
                    + ": not one of its facts, undated below, a conflict, its name, or an instrument of joined claims");
        }
        if (factIds.size() == 1) {
            return null;
        }
        final int at = indexOf(fact);
        final int last = factIds.size() - 1;
        final long latest = presentFrom[at == last ? last - 1 : last];
        final Set<EventKind> claimed = EnumSet.noneOf(EventKind.class);
        claimed.addAll(claimedKinds);
        claimed.remove(fact.getKind());
        return resumed(at, null, -1, presentFrom[at], facts,
                latest == Long.MIN_VALUE ? LocalDate.MIN : LocalDate.ofEpochDay(latest),
                at == last ? read(factIds.get(last - 1), facts) : lastFact, claimed);
    }

    /**
     * These versions with the fact at {@code removed} taken away (-1 for none) and {@code added} put at
     * {@code addedAt} (null for none), neither present before {@code day}: the versions before it are kept, and the
     * sweep is resumed from it with the facts that still change something from then on (present or certain from the
     * day or later) and, of the facts settled before it, the few that hold one of the state's maxima or minima
     * ({@link #closedExtremes}): steps only ever become present and then certain, so the others are outdone by those
     * for good. Only those facts are read, not the instrument's whole history.
     */
    private InstrumentVersions resumed(final int removed, final PolicyEvent added, final int addedAt, final long day,
            final Function<String, PolicyEvent> facts, final LocalDate latest, final PolicyEvent last,
            final Set<EventKind> claimed) {
        final List<PolicyEvent> resumed = new ArrayList<>();
        final boolean[] kept = closedExtremes(day);
        for (int i = 0; i <= factIds.size(); i++) {
            if (i == addedAt) {
                resumed.add(added);
            }
            if (i < factIds.size() && i != removed && (kept[i] || presentFrom[i] >= day
                    || certainFrom[i] != Long.MAX_VALUE && certainFrom[i] >= day)) {
                resumed.add(read(factIds.get(i), facts));
            }
        }
        final int found = Arrays.binarySearch(days, day);
        final int keptDays = found >= 0 ? found : -found - 1;
        final List<String> ids = new ArrayList<>(factIds);
        long[] present = presentFrom;
        long[] certain = certainFrom;
        int[] traitsAfter = traits;
        if (removed >= 0) {
            ids.remove(removed);
            present = spliced(present, removed, null);
            certain = spliced(certain, removed, null);
            traitsAfter = spliced(traitsAfter, removed, null);
        }
        if (added != null) {
            ids.add(addedAt, added.getEventId());
            present = spliced(present, addedAt, day);
            certain = spliced(certain, addedAt, certainDay(added));
            traitsAfter = spliced(traitsAfter, addedAt, Traits.of(added));
        }
        return new InstrumentVersions(id, List.copyOf(ids), present, certain, traitsAfter, true, latest,
                sweep(new Sweep(id, resumed, InstrumentFold.steps(resumed)), Arrays.copyOf(days, keptDays),
                        Arrays.asList(Arrays.copyOf(states, keptDays + 1)), LocalDate.ofEpochDay(day)),
                conflicts, last, claimed);
    }

    /**
     * A fact as the versions keep it whole (the tail's, and the last one), with what only the sweep and the order read:
     * without the quote, areas, notes and counterpart's name, and with the title and name strings of the published
     * state where they are equal. About ten facts per partnership stay on the heap this way, which whole decoded events
     * made a fifth of the live heap at 1M events.
     */
    private PolicyEvent keptWhole(final PolicyEvent fact) {
        if (fact.getProvenance().getQuote().isEmpty() && fact.getAreas().isEmpty() && fact.getNotes() == null
                && fact.getCounterpartName() == null) {
            return fact;
        }
        final PolicyEvent kept = ShallowCopy.of(fact, PolicyEvent::new);
        kept.setProvenance(new Provenance(fact.getProvenance().getSource(), "", null));
        kept.setAreas(List.of());
        kept.setNotes(null);
        kept.setCounterpartName(null);
        kept.setTitle(shared(fact.getTitle(), published.getTitle()));
        kept.setInstrumentName(shared(fact.getInstrumentName(), published.getName()));
        return kept;
    }

    private static String shared(final String text, final String published) {
        return text != null && text.equals(published) ? published : text;
    }

    /** A fact by eventId: from the sweep's tail, which keeps a few whole, else through the reader. */
    private PolicyEvent read(final String factId, final Function<String, PolicyEvent> facts) {
        for (final InstrumentFold.Step step : tail) {
            for (final PolicyEvent event : step.events()) {
                if (event.getEventId().equals(factId)) {
                    return event;
                }
            }
        }
        return Objects.requireNonNull(facts.apply(factId), () -> "no fact " + factId + " of " + id);
    }

    /** The fact's position among the facts, or -1 when it is not one of them. */
    private int indexOf(final PolicyEvent fact) {
        final int at = insertionPoint(fact);
        return at < factIds.size() && factIds.get(at).equals(fact.getEventId()) ? at : -1;
    }

    /** The position of the last fact that names the instrument, or -1. */
    private int lastNamed() {
        for (int i = traits.length - 1; i >= 0; i--) {
            if (Traits.named(traits[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Where the fact goes among the facts in {@link EventOrder}, from the kept keys alone. */
    private int insertionPoint(final PolicyEvent fact) {
        final DateClaim date = DateClaim.of(fact);
        final long earliest = date.possibleFrom().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE);
        final int rank = Lifecycle.rank(fact.getKind());
        final int precision = date.precisionRank();
        int low = 0;
        int high = factIds.size();
        while (low < high) {
            final int middle = (low + high) >>> 1;
            final int order = EventOrder.compareKeys(presentFrom[middle], Lifecycle.rank(Traits.kind(traits[middle])),
                    Traits.precision(traits[middle]), factIds.get(middle), earliest, rank, precision, fact.getEventId());
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Of the facts settled before the day (present and, if ever, certain before it), those the sweep's state can
     * still refer to from that day on: the first present, the first certain, the highest certain stage and the
     * highest stage that stays possible (the earliest of a stage), the last titled, the signing and entry into force,
     * and the last named fact whatever its day. A fact removed on its own day is never among them: it is not
     * settled before it, and it is not the last named ({@link #removable}).
     */
    private boolean[] closedExtremes(final long day) {
        final boolean[] kept = new boolean[factIds.size()];
        int firstPresent = -1;
        int firstCertain = -1;
        int highestCertain = -1;
        int highestPossible = -1;
        int titled = -1;
        int named = -1;
        for (int i = 0; i < kept.length; i++) {
            final int trait = traits[i];
            if (Traits.named(trait)) {
                named = i;
            }
            final boolean neverCertain = certainFrom[i] == Long.MAX_VALUE;
            if (presentFrom[i] >= day || !neverCertain && certainFrom[i] >= day) {
                continue;
            }
            final EventKind kind = Traits.kind(trait);
            final int stage = stageOf(i);
            if (firstPresent < 0) {
                firstPresent = i;
            }
            if (neverCertain) {
                if (stage >= 0 && (highestPossible < 0 || stage > stageOf(highestPossible))) {
                    highestPossible = i;
                }
            } else {
                if (firstCertain < 0) {
                    firstCertain = i;
                }
                if (stage >= 0 && (highestCertain < 0 || stage > stageOf(highestCertain))) {
                    highestCertain = i;
                }
            }
            if (Traits.titled(trait)) {
                titled = i;
            }
            if (kind == EventKind.SIGNED || kind == EventKind.ENTERED_INTO_FORCE) {
                kept[i] = true;
            }
        }
        for (final int i : new int[] {firstPresent, firstCertain, highestCertain, highestPossible, titled, named}) {
            if (i >= 0) {
                kept[i] = true;
            }
        }
        return kept;
    }

    /** The lifecycle stage fact i reaches, as an ordinal of its status; -1 for a kind that reaches none. */
    private int stageOf(final int fact) {
        return Lifecycle.stage(Traits.kind(traits[fact])).map(InstrumentStatus::ordinal).orElse(-1);
    }

    private Set<EventKind> claimedWith(final PolicyEvent fact) {
        final Set<EventKind> claimed = EnumSet.noneOf(EventKind.class);
        claimed.addAll(claimedKinds);
        if (!Lifecycle.repeatable(fact.getKind())) {
            claimed.add(fact.getKind());
        }
        return claimed;
    }

    private static long certainDay(final PolicyEvent fact) {
        return DateClaim.of(fact).certainFrom().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
    }

    /**
     * A copy of a per-fact array (long[] or int[]) with the element at {@code at} taken out when {@code value} is
     * null, else with {@code value} put in at {@code at}.
     */
    @SuppressWarnings("unchecked")
    private static <A> A spliced(final A values, final int at, final Object value) {
        final int length = Array.getLength(values);
        final A copy = (A) Array.newInstance(values.getClass().getComponentType(), length + (value == null ? -1 : 1));
        System.arraycopy(values, 0, copy, 0, at);
        if (value == null) {
            System.arraycopy(values, at + 1, copy, at, length - at - 1);
        } else {
            Array.set(copy, at, value);
            System.arraycopy(values, at, copy, at + 1, length - at);
        }
        return copy;
    }

    /**
     * What {@link #closedExtremes} and {@link #insertionPoint} need of a fact, packed in an int so that an instrument
     * keeps four bytes per fact for them: its kind, its date's precision rank, whether it states a title and a name.
     */
    private static final class Traits {

        private static final int BYTE = 0xff;
        private static final int PRECISION_SHIFT = 8;
        private static final int TITLED = 1 << 16;
        private static final int NAMED = 1 << 17;
        private static final EventKind[] KINDS = EventKind.values();

        private Traits() {
        }

        static int of(final PolicyEvent fact) {
            return fact.getKind().ordinal() | DateClaim.of(fact).precisionRank() << PRECISION_SHIFT
                    | (fact.getTitle() != null ? TITLED : 0) | (fact.getInstrumentName() != null ? NAMED : 0);
        }

        static EventKind kind(final int traits) {
            return KINDS[traits & BYTE];
        }

        static int precision(final int traits) {
            return traits >>> PRECISION_SHIFT & BYTE;
        }

        static boolean titled(final int traits) {
            return (traits & TITLED) != 0;
        }

        static boolean named(final int traits) {
            return (traits & NAMED) != 0;
        }
    }

    /**
     * Runs the sweep over its days, adding a version for each day from {@code from} on that changes the state, after the
     * versions kept (days before {@code from}, and the states before and from each).
     */
    private static Swept sweep(final Sweep sweep, final long[] keptDays, final List<InstrumentState> keptStates,
            final LocalDate from) {
        final List<Long> days = new ArrayList<>();
        final List<InstrumentState> states = new ArrayList<>(keptStates);
        LocalDate last = null;
        for (final Map.Entry<LocalDate, List<Runnable>> day : sweep.changes().entrySet()) {
            day.getValue().forEach(Runnable::run);
            last = day.getKey();
            final InstrumentState state = sweep.state();
            if (!day.getKey().isBefore(from) && !Objects.equals(state, states.get(states.size() - 1))) {
                days.add(day.getKey().toEpochDay());
                states.add(state);
            }
        }
        final long[] all = Arrays.copyOf(keptDays, keptDays.length + days.size());
        for (int i = 0; i < days.size(); i++) {
            all[keptDays.length + i] = days.get(i);
        }
        return new Swept(all, states.toArray(InstrumentState[]::new), sweep.state(), sweep.tail(), last);
    }

    public InstrumentId id() {
        return id;
    }

    /** The ids of the facts it was built from, in {@link EventOrder}. */
    public List<String> factIds() {
        return factIds;
    }

    /** The first possible day of its latest-dated fact. */
    public LocalDate latestFactDay() {
        return latestFactDay;
    }

    /** The last day its state changes on, after which it stays the current state; null when it never changes. */
    public LocalDate lastChangeDay() {
        return days.length == 0 ? null : LocalDate.ofEpochDay(days[days.length - 1]);
    }

    /**
     * The state as of a date (null: the current state), or null where none of its steps had happened by then: one
     * floor search, plus the present facts' ids.
     */
    public InstrumentState asOf(final LocalDate date) {
        if (date == null) {
            return current;
        }
        final long day = date.toEpochDay();
        final int found = Arrays.binarySearch(days, day);
        final InstrumentState state = states[found >= 0 ? found + 1 : -found - 1];
        if (state == null) {
            return null;
        }
        return withEventIds(state, presentOn(day));
    }

    /**
     * The ids of the facts present on the day. When every step is one fact, a fact is present from its own first
     * possible day, the first key of {@link EventOrder}, so they are a prefix: one binary search and a view, not a scan
     * and a copy per instrument of every as-of answer and snapshot.
     */
    private List<String> presentOn(final long day) {
        if (singleClaims) {
            int low = 0;
            int high = presentFrom.length;
            while (low < high) {
                final int middle = (low + high) >>> 1;
                if (presentFrom[middle] <= day) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return factIds.subList(0, low);
        }
        final List<String> present = new ArrayList<>(factIds.size());
        for (int i = 0; i < presentFrom.length; i++) {
            if (presentFrom[i] <= day) {
                present.add(factIds.get(i));
            }
        }
        return present;
    }

    /** The current state without its eventIds, which grow with history: what the instruments topic carries. */
    public InstrumentState published() {
        return published;
    }

    /** Its conflicts, which hold whatever the date. */
    public List<Conflict> conflicts() {
        return conflicts;
    }

    /**
     * The state with these eventIds, sharing everything else ({@link ShallowCopy}): this runs once per instrument of
     * every answer.
     */
    private static InstrumentState withEventIds(final InstrumentState state, final List<String> eventIds) {
        final InstrumentState copy = ShallowCopy.of(state, InstrumentState::new);
        copy.setEventIds(eventIds);
        return copy;
    }

    /**
     * The status rule of {@link InstrumentFold} kept incrementally while steps become present and then certain, in
     * date order. Steps are indexed in {@link EventOrder} of their first event, so "the earliest of them" is the
     * smallest index.
     */
    private static final class Sweep {

        private static final int ABSENT = 0;
        private static final int POSSIBLE = 1;
        private static final int CERTAIN = 2;
        private static final int NONE = Integer.MAX_VALUE;

        private final InstrumentId id;
        private final List<PolicyEvent> facts;
        private final List<InstrumentFold.Step> steps;
        private final String name;
        private final int[] certainty;
        /** Per step, the position in facts of its last event (in EventOrder) that states a title, or -1. */
        private final int[] lastTitled;
        /** Possible steps with a stage, the highest stage last, the earliest of a stage after the later ones. */
        private final TreeSet<Integer> possibleStaged;
        private int firstPresent = NONE;
        private int firstCertain = NONE;
        private int highestCertain = -1;
        private int titled = -1;
        private int signed = NONE;
        private int inForce = NONE;

        Sweep(final InstrumentId id, final List<PolicyEvent> facts, final List<InstrumentFold.Step> steps) {
            this.id = id;
            this.facts = facts;
            this.steps = steps;
            this.name = facts.stream().map(PolicyEvent::getInstrumentName).filter(Objects::nonNull)
                    .reduce((earlier, later) -> later).orElse(null);
            this.certainty = new int[steps.size()];
            this.lastTitled = new int[steps.size()];
            final Map<PolicyEvent, Integer> positions = positions();
            for (int s = 0; s < steps.size(); s++) {
                lastTitled[s] = steps.get(s).events().stream().filter(event -> event.getTitle() != null)
                        .mapToInt(positions::get).max().orElse(-1);
            }
            this.possibleStaged = new TreeSet<>(Comparator.comparing((Integer s) -> stage(s))
                    .thenComparing(Comparator.<Integer>reverseOrder()));
            for (int s = 0; s < steps.size(); s++) {
                if (steps.get(s).date().possibleFrom().isEmpty()) {
                    becomePossible(s);
                }
            }
        }

        /** By day, what happens then: steps become possible first, then certain (an exact date does both). */
        TreeMap<LocalDate, List<Runnable>> changes() {
            final TreeMap<LocalDate, List<Runnable>> possible = new TreeMap<>();
            final TreeMap<LocalDate, List<Runnable>> certain = new TreeMap<>();
            for (int s = 0; s < steps.size(); s++) {
                final int step = s;
                final DateClaim date = steps.get(s).date();
                date.possibleFrom().ifPresent(day -> possible.computeIfAbsent(day, d -> new ArrayList<>())
                        .add(() -> becomePossible(step)));
                date.certainFrom().ifPresent(day -> certain.computeIfAbsent(day, d -> new ArrayList<>())
                        .add(() -> becomeCertain(step)));
            }
            certain.forEach((day, runs) -> possible.computeIfAbsent(day, d -> new ArrayList<>()).addAll(runs));
            return possible;
        }

        /** Per fact, the epoch day its step is present from; Long.MIN_VALUE for always. */
        long[] presentFrom() {
            return perFact(DateClaim::possibleFrom, Long.MIN_VALUE);
        }

        /** Per fact, the epoch day its step is certain from; Long.MAX_VALUE for never. */
        long[] certainFrom() {
            return perFact(DateClaim::certainFrom, Long.MAX_VALUE);
        }

        /** Per fact, a day of its step's date as an epoch day, or {@code none} where the date names no such day. */
        private long[] perFact(final Function<DateClaim, Optional<LocalDate>> day, final long none) {
            final Map<PolicyEvent, Integer> positions = positions();
            final long[] from = new long[facts.size()];
            for (final InstrumentFold.Step step : steps) {
                final long epochDay = day.apply(step.date()).map(LocalDate::toEpochDay).orElse(none);
                step.events().forEach(event -> from[positions.get(event)] = epochDay);
            }
            return from;
        }

        /**
         * The steps the state refers to once every day has passed (the first present and first certain, the highest
         * certain and possible, the signing and entry into force, those of the last title and name), in their order:
         * another step after all days then sees the same maxima and minima as with every step.
         */
        List<InstrumentFold.Step> tail() {
            final int[] stepOf = new int[facts.size()];
            final Map<PolicyEvent, Integer> positions = positions();
            for (int s = 0; s < steps.size(); s++) {
                for (final PolicyEvent event : steps.get(s).events()) {
                    stepOf[positions.get(event)] = s;
                }
            }
            int named = -1;
            for (int i = 0; i < facts.size(); i++) {
                if (facts.get(i).getInstrumentName() != null) {
                    named = i;
                }
            }
            final TreeSet<Integer> kept = new TreeSet<>();
            for (final int step : new int[] {firstPresent, firstCertain, highestCertain, signed, inForce,
                    possibleStaged.isEmpty() ? NONE : possibleStaged.last(), titled < 0 ? NONE : stepOf[titled],
                    named < 0 ? NONE : stepOf[named]}) {
                if (step >= 0 && step != NONE) {
                    kept.add(step);
                }
            }
            return kept.stream().map(steps::get).toList();
        }

        private Map<PolicyEvent, Integer> positions() {
            final Map<PolicyEvent, Integer> positions = new IdentityHashMap<>();
            for (int i = 0; i < facts.size(); i++) {
                positions.put(facts.get(i), i);
            }
            return positions;
        }

        private void becomePossible(final int step) {
            if (certainty[step] != ABSENT) {
                return;
            }
            certainty[step] = POSSIBLE;
            present(step);
            if (stage(step) >= 0) {
                possibleStaged.add(step);
            }
        }

        private void becomeCertain(final int step) {
            if (certainty[step] == CERTAIN) {
                return;
            }
            if (certainty[step] == ABSENT) {
                present(step);
            }
            possibleStaged.remove(step);
            certainty[step] = CERTAIN;
            firstCertain = Math.min(firstCertain, step);
            if (stage(step) >= 0 && (highestCertain < 0 || stage(step) > stage(highestCertain)
                    || stage(step) == stage(highestCertain) && step < highestCertain)) {
                highestCertain = step;
            }
        }

        private void present(final int step) {
            firstPresent = Math.min(firstPresent, step);
            titled = Math.max(titled, lastTitled[step]);
            // Both kinds are non-repeatable: one step each at most, whose exact date (or null) is the answer.
            if (steps.get(step).kind() == EventKind.SIGNED) {
                signed = step;
            }
            if (steps.get(step).kind() == EventKind.ENTERED_INTO_FORCE) {
                inForce = step;
            }
        }

        /** The stage's ordinal, -1 for none. */
        private int stage(final int step) {
            return steps.get(step).stage().map(InstrumentStatus::ordinal).orElse(-1);
        }

        /** The state now, without eventIds; null while no step is present. */
        InstrumentState state() {
            if (firstPresent == NONE) {
                return null;
            }
            final int certain = highestCertain;
            final int possible = possibleStaged.isEmpty() || certain >= 0
                    && stage(possibleStaged.last()) <= stage(certain) ? -1 : possibleStaged.last();
            final int status = certain >= 0 ? certain : possible >= 0 ? possible
                    : firstCertain != NONE ? firstCertain : firstPresent;
            final InstrumentFold.Step step = steps.get(status);
            final DateClaim since = step.date();
            final InstrumentState.Builder state = InstrumentState.newBuilder()
                    .setType(id.type())
                    .setKey(id.key())
                    .setCategory(InstrumentCategories.of(id.type()))
                    .setName(name)
                    .setTitle(titled < 0 ? null : facts.get(titled).getTitle())
                    .setStatus(step.stage().orElse(InstrumentStatus.UNKNOWN))
                    .setCertainty(certainty[status] == CERTAIN ? Certainty.CERTAIN : Certainty.POSSIBLE)
                    .setStatusSince(since.exact())
                    .setNotBefore(since.notBefore())
                    .setNotAfter(since.notAfter())
                    .setSignedOn(exact(signed))
                    .setInForceFrom(exact(inForce))
                    .setEventIds(List.of());
            if (certain >= 0 && possible >= 0) {
                state.setPossibleStatus(steps.get(possible).stage().orElseThrow())
                        .setPossibleBounds(steps.get(possible).date().bounds());
            }
            return state.build();
        }

        private PartialDate exact(final int step) {
            return step == NONE ? null : steps.get(step).date().exact();
        }
    }
}
