package eu.partnershiptracker.core.index;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.core.fold.AuditTrail;
import eu.partnershiptracker.core.fold.EventEntries;
import eu.partnershiptracker.core.fold.InstrumentId;
import eu.partnershiptracker.core.fold.InstrumentVersions;
import eu.partnershiptracker.core.fold.PartnershipFold;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.Conflict;
import eu.partnershiptracker.model.Correction;
import eu.partnershiptracker.model.EntryStatus;
import eu.partnershiptracker.model.EventEntry;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.PartnershipState;
import eu.partnershiptracker.model.PolicyEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One partnership's states, current and as of any date, kept up to date one accepted entry at a time: the fast path
 * that must answer exactly as {@link PartnershipFold} does on the same entries. Immutable, so query threads can read
 * the version a processor last published.
 * <ul>
 * <li>Per entry it keeps only the keys of {@link IndexedEntry}, in valid-time order, and beside them the entry recorded
 *     last among each prefix: as of D the listed entries are a prefix (the order sorts by first possible day), so
 *     lastEventId is one binary search. Full entries are read through an {@link EntryLookup} when needed.</li>
 * <li>Per instrument it keeps the prebuilt {@link InstrumentVersions} of its effective facts: the fold is per instrument
 *     (claims, conflicts and steps never cross instruments), so as of D the instruments are one floor search each.</li>
 * <li>The audit rule is kept as the deciding correction of each target, arrived or not; marks never cascade, so an
 *     entry changes at most its own instrument and its target's.</li>
 * <li>Accepting an entry copies the two per-entry arrays (n references, a memory copy) and the instruments array; an
 *     effective fact that comes after all of its instrument's facts is appended to its versions without reading any
 *     ({@link InstrumentVersions#appended}); one that comes earlier is inserted, reading only the facts that still
 *     change something from its first day and a few that hold the state's extremes
 *     ({@link InstrumentVersions#inserted}); otherwise (a correction, a second claim of a fact) the affected
 *     instruments are rebuilt from their own facts. The map of corrections is copied only when a correction arrives.
 *     Persistent trees would make the copies O(log n); at the sizes the tracker sees the copy is the cheaper.</li>
 * <li>knownAt answers fold the entries recorded up to knownAt with the reference fold: they are rare, and a cut in
 *     transaction time would need an index per instant.</li>
 * </ul>
 */
public final class PartnershipIndex {

    /** The epoch day of {@link LocalDate#MIN}: an entry's date with no lower bound. */
    private static final long UNBOUNDED_BELOW = LocalDate.MIN.toEpochDay();

    /** The index of a partnership with no entries yet. */
    public static final PartnershipIndex EMPTY = new PartnershipIndex(null, null, 0, new IndexedEntry[0],
            new IndexedEntry[0], new InstrumentVersions[0], Map.of(), null, null, null);

    /**
     * The index after one more entry, what that entry changed in the current state, and whether an instrument that had
     * facts was rebuilt from all of them (the slow path, work that grows with the instrument's history).
     */
    public record Accepted(PartnershipIndex index, IndexDelta delta, boolean rebuilt) {

        public Accepted {
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(delta, "delta");
        }
    }

    private final Actor actor;
    private final String counterpart;
    private final long changeCount;
    /** In valid-time order. */
    private final IndexedEntry[] entries;
    /** lastRecorded[i]: the entry recorded last among entries[0..i]. */
    private final IndexedEntry[] lastRecorded;
    /** Instruments with at least one effective fact, sorted by id. */
    private final InstrumentVersions[] instruments;
    /** By target id: the correction or retraction that decides its mark, whether the target has arrived or not. */
    private final Map<String, IndexedEntry> deciding;
    private final IndexedEntry lastNamed;
    private final String counterpartName;
    private final LocalDate latestFactDay;

    private PartnershipIndex(final Actor actor, final String counterpart, final long changeCount,
            final IndexedEntry[] entries, final IndexedEntry[] lastRecorded, final InstrumentVersions[] instruments,
            final Map<String, IndexedEntry> deciding, final IndexedEntry lastNamed, final String counterpartName,
            final LocalDate latestFactDay) {
        this.actor = actor;
        this.counterpart = counterpart;
        this.changeCount = changeCount;
        this.entries = entries;
        this.lastRecorded = lastRecorded;
        this.instruments = instruments;
        this.deciding = deciding;
        this.lastNamed = lastNamed;
        this.counterpartName = counterpartName;
        this.latestFactDay = latestFactDay;
    }

    /** The index of a partnership's entries, built at once (after a restore): O(n log n) and one build per instrument. */
    public static PartnershipIndex of(final long changeCount, final List<TimelineEntry> timeline) {
        Objects.requireNonNull(timeline, "timeline");
        if (changeCount < 0) {
            throw new IllegalArgumentException("changeCount must not be negative: " + changeCount);
        }
        if (timeline.isEmpty()) {
            return EMPTY.withChangeCount(changeCount);
        }
        // Each entry's keys once, in arrival order: the three passes below read them, at every task start-up. Entries
        // of one instrument share one InstrumentId, which the instrument's versions then hold too.
        final Map<InstrumentId, InstrumentId> shared = new HashMap<>();
        final IndexedEntry[] arrived = timeline.stream()
                .map(entry -> IndexedEntry.of(entry, shared.computeIfAbsent(InstrumentId.of(entry.event()), id -> id)))
                .toArray(IndexedEntry[]::new);
        final IndexedEntry[] sorted = arrived.clone();
        Arrays.sort(sorted, IndexedEntry.VALID_TIME);
        final IndexedEntry[] lastRecorded = new IndexedEntry[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            lastRecorded[i] = IndexedEntry.later(i == 0 ? null : lastRecorded[i - 1], sorted[i]);
        }
        final Map<String, IndexedEntry> deciding = new HashMap<>();
        IndexedEntry lastNamed = null;
        String counterpartName = null;
        for (int i = 0; i < arrived.length; i++) {
            final TimelineEntry entry = timeline.get(i);
            final IndexedEntry indexed = arrived[i];
            correctedId(entry.event()).ifPresent(target -> deciding.merge(target, indexed, PartnershipIndex::decider));
            if (entry.event().getCounterpartName() != null && IndexedEntry.later(lastNamed, indexed) == indexed) {
                lastNamed = indexed;
                counterpartName = entry.event().getCounterpartName();
            }
        }
        final Map<InstrumentId, List<PolicyEvent>> facts = new TreeMap<>();
        for (int i = 0; i < arrived.length; i++) {
            if (isFact(arrived[i], deciding)) {
                facts.computeIfAbsent(arrived[i].instrument(), id -> new ArrayList<>()).add(timeline.get(i).event());
            }
        }
        final InstrumentVersions[] instruments = facts.entrySet().stream()
                .map(fact -> InstrumentVersions.of(fact.getKey(), fact.getValue())).toArray(InstrumentVersions[]::new);
        final PolicyEvent first = timeline.get(0).event();
        return new PartnershipIndex(first.getActor(), first.getCounterpart(), changeCount, sorted, lastRecorded,
                instruments, Collections.unmodifiableMap(deciding), lastNamed, counterpartName,
                latestFactDay(instruments));
    }

    public long changeCount() {
        return changeCount;
    }

    public PartnershipIndex withChangeCount(final long count) {
        if (count < 0) {
            throw new IllegalArgumentException("changeCount must not be negative: " + count);
        }
        return new PartnershipIndex(actor, counterpart, count, entries, lastRecorded, instruments, deciding, lastNamed,
                counterpartName, latestFactDay);
    }

    /** How many entries it holds. */
    public int size() {
        return entries.length;
    }

    /** The first possible day of the latest-dated effective fact, or null when there is none. */
    public LocalDate latestFactDay() {
        return latestFactDay;
    }

    /**
     * The last day any instrument's state changes on: as of any later date the state is the current one. Null when no
     * state ever changes. O(instruments).
     */
    public LocalDate lastChangeDay() {
        return Arrays.stream(instruments).map(InstrumentVersions::lastChangeDay).filter(Objects::nonNull)
                .max(LocalDate::compareTo).orElse(null);
    }

    /**
     * The first day any entry's date or bounds name ({@link DateClaim#possibleFrom} or {@link DateClaim#certainFrom}),
     * or null when none names one: the first entry with a lower bound, and the upper bounds of the entries open below
     * it, read through the lookup (a claim is never certain before it is possible).
     */
    public LocalDate firstClaimedDay(final EntryLookup lookup) {
        Objects.requireNonNull(lookup, "lookup");
        LocalDate first = null;
        for (final IndexedEntry entry : entries) {
            if (entry.earliestEpochDay() != UNBOUNDED_BELOW) {
                return first == null || entry.earliestDay().isBefore(first) ? entry.earliestDay() : first;
            }
            final LocalDate certain = DateClaim.of(lookup.get(entry.eventId()).event()).certainFrom().orElse(null);
            if (certain != null && (first == null || certain.isBefore(first))) {
                first = certain;
            }
        }
        return first;
    }

    /**
     * This index with one more entry, whose eventId the caller has checked is new, and what it changed. Only the
     * entry's own instrument and that of the event its correction marks are rebuilt, from their facts read through the
     * lookup (which may or may not know the new entry yet).
     */
    public Accepted accept(final TimelineEntry entry, final EntryLookup lookup) {
        return accept(entry, lookup, true);
    }

    /** {@link #accept}, or with {@code fastPath} false rebuilding every affected instrument from all its facts. */
    Accepted accept(final TimelineEntry entry, final EntryLookup given, final boolean fastPath) {
        Objects.requireNonNull(entry, "entry");
        // Rebuilt instruments then keep the eventIds this index holds, not one decoded copy each.
        final EntryLookup lookup = new IdSharingLookup(given);
        final IndexedEntry added = IndexedEntry.of(entry, shared(InstrumentId.of(entry.event())));
        final int found = Arrays.binarySearch(entries, added, IndexedEntry.VALID_TIME);
        if (found >= 0) {
            throw new IllegalArgumentException("event " + added.eventId() + " is already in the index");
        }
        final int at = -found - 1;
        final IndexedEntry[] grown = new IndexedEntry[entries.length + 1];
        System.arraycopy(entries, 0, grown, 0, at);
        grown[at] = added;
        System.arraycopy(entries, at, grown, at + 1, entries.length - at);
        final IndexedEntry[] grownLast = new IndexedEntry[grown.length];
        System.arraycopy(lastRecorded, 0, grownLast, 0, at);
        for (int i = at; i < grown.length; i++) {
            grownLast[i] = IndexedEntry.later(i == at ? (at == 0 ? null : lastRecorded[at - 1]) : lastRecorded[i - 1],
                    added);
        }

        final PolicyEvent event = entry.event();
        Map<String, IndexedEntry> marks = deciding;
        final Set<InstrumentId> affected = new TreeSet<>();
        // The target of a correction that stops being a fact now, if it is here: it was unmarked, so a fact unless a
        // retraction.
        PolicyEvent unmarked = null;
        InstrumentId unmarkedInstrument = null;
        final String target = correctedId(event).orElse(null);
        if (target != null) {
            final IndexedEntry before = deciding.get(target);
            final IndexedEntry decider = before == null ? added : decider(before, added);
            if (decider != before) {
                final Map<String, IndexedEntry> copy = new HashMap<>(deciding);
                copy.put(target, decider);
                marks = Collections.unmodifiableMap(copy);
            }
            if (before == null) {
                final PolicyEvent targeted = lookup.find(target).map(TimelineEntry::event).orElse(null);
                if (targeted != null && !AuditTrail.isRetraction(targeted)) {
                    unmarked = targeted;
                    unmarkedInstrument = InstrumentId.of(targeted);
                    affected.add(unmarkedInstrument);
                }
            }
        }
        final boolean fact = isFact(added, marks);
        if (fact) {
            affected.add(added.instrument());
        }

        InstrumentVersions[] updated = instruments;
        boolean rebuiltAny = false;
        final List<InstrumentState> statesBefore = new ArrayList<>();
        final List<InstrumentState> statesAfter = new ArrayList<>();
        final List<Conflict> conflictsBefore = new ArrayList<>();
        final List<Conflict> conflictsAfter = new ArrayList<>();
        for (final InstrumentId id : affected) {
            final InstrumentVersions old = find(instruments, id);
            final Updated update = updated(id, old, id.equals(unmarkedInstrument) ? unmarked : null,
                    fact && added.instrument().equals(id) ? event : null, lookup, fastPath);
            final InstrumentVersions now = update.versions();
            rebuiltAny |= update.rebuilt();
            updated = replaced(updated, id, now);
            // An affected instrument always changes: its current eventIds (all its facts) gain or lose this entry.
            if (old != null) {
                statesBefore.add(old.asOf(null));
                conflictsBefore.addAll(old.conflicts());
            }
            if (now != null) {
                statesAfter.add(now.asOf(null));
                conflictsAfter.addAll(now.conflicts());
            }
        }

        IndexedEntry named = lastNamed;
        String name = counterpartName;
        if (event.getCounterpartName() != null && IndexedEntry.later(lastNamed, added) == added) {
            named = added;
            name = event.getCounterpartName();
        }
        final LocalDate latest = unmarked != null ? latestFactDay(updated)
                : fact && (latestFactDay == null || added.earliestDay().isAfter(latestFactDay)) ? added.earliestDay()
                : latestFactDay;
        final PartnershipIndex index = new PartnershipIndex(actor == null ? event.getActor() : actor,
                counterpart == null ? event.getCounterpart() : counterpart, changeCount, grown, grownLast, updated,
                marks, named, name, latest);
        return new Accepted(index, new IndexDelta(List.copyOf(affected), statesBefore, statesAfter, conflictsBefore,
                conflictsAfter, instruments.length > 0, updated.length > 0), rebuiltAny);
    }

    /**
     * The current state (asOf null) or the state as of a date without its event list, or null while nothing is known
     * of the partnership then: O(log n + instruments).
     */
    public PartnershipState summaryAsOf(final LocalDate asOf) {
        final List<InstrumentState> present = new ArrayList<>();
        final List<Conflict> conflicts = new ArrayList<>();
        for (final InstrumentVersions instrument : instruments) {
            final InstrumentState state = instrument.asOf(asOf);
            if (state != null) {
                present.add(state);
            }
            conflicts.addAll(instrument.conflicts());
        }
        if (present.isEmpty() && conflicts.isEmpty()) {
            return null;
        }
        final int listed = listed(asOf);
        return header(lastRecorded[(listed == 0 ? entries.length : listed) - 1], present, conflicts)
                .setAsOf(asOf)
                .build();
    }

    /** The counterpart's display name from the latest-recorded event that gives one, or null. */
    public String counterpartName() {
        return counterpartName;
    }

    /** The instrument's current versions, or null when it has no effective fact. O(log instruments). */
    public InstrumentVersions instrument(final InstrumentId id) {
        return find(instruments, Objects.requireNonNull(id, "id"));
    }

    /**
     * The current state's header (names, lastEventId, updatedAt) with only the given instruments and conflicts and no
     * event list: a bounded image of the current state. Null when there is no current state.
     */
    public PartnershipState currentImage(final List<InstrumentState> present, final List<Conflict> conflicts) {
        Objects.requireNonNull(present, "present");
        Objects.requireNonNull(conflicts, "conflicts");
        if (instruments.length == 0) {
            return null;
        }
        return header(lastRecorded[entries.length - 1], present, conflicts).build();
    }

    /** A state without its event list: the names, these instruments and conflicts, and the entry recorded last. */
    private PartnershipState.Builder header(final IndexedEntry last, final List<InstrumentState> present,
            final List<Conflict> conflicts) {
        return PartnershipState.newBuilder()
                .setActor(actor)
                .setCounterpart(counterpart)
                .setCounterpartName(counterpartName)
                .setInstruments(present)
                .setEvents(List.of())
                .setConflicts(conflicts)
                .setLastEventId(last.eventId())
                .setUpdatedAt(last.recordedAt());
    }

    /** The state as of a date (null: the current state) with its event list, read through the lookup. */
    public PartnershipState stateAsOf(final LocalDate asOf, final EntryLookup lookup) {
        Objects.requireNonNull(lookup, "lookup");
        final PartnershipState summary = summaryAsOf(asOf);
        if (summary == null) {
            return null;
        }
        final int listed = listed(asOf);
        final List<EventEntry> events = new ArrayList<>(listed);
        for (int i = 0; i < listed; i++) {
            final IndexedEntry mark = deciding.get(entries[i].eventId());
            events.add(EventEntries.of(lookup.get(entries[i].eventId()),
                    mark == null ? EntryStatus.EFFECTIVE : mark.retraction() ? EntryStatus.RETRACTED
                            : EntryStatus.CORRECTED,
                    mark == null ? null : mark.eventId()));
        }
        summary.setEvents(events);
        return summary;
    }

    /**
     * The state as of a date from the entries recorded up to {@code knownAt} (null: all of them): with knownAt, the
     * reference fold of the entries recorded by then, read through the lookup.
     */
    public PartnershipState stateAsOf(final LocalDate asOf, final Instant knownAt, final EntryLookup lookup) {
        if (knownAt == null) {
            return stateAsOf(asOf, lookup);
        }
        Objects.requireNonNull(lookup, "lookup");
        final List<TimelineEntry> known = Arrays.stream(entries)
                .filter(entry -> !entry.recordedAt().isAfter(knownAt))
                .map(entry -> lookup.get(entry.eventId()))
                .toList();
        return PartnershipFold.stateAsOf(new Timeline(changeCount, known), asOf, knownAt);
    }

    /** How many entries are listed as of the date: those whose first possible day is on or before it. */
    private int listed(final LocalDate asOf) {
        if (asOf == null) {
            return entries.length;
        }
        final long day = asOf.toEpochDay();
        int low = 0;
        int high = entries.length;
        while (low < high) {
            final int middle = (low + high) >>> 1;
            if (entries[middle].earliestEpochDay() > day) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The instance of this instrument id that the index already holds, so that its entries do not each keep one. */
    private InstrumentId shared(final InstrumentId id) {
        final InstrumentVersions held = find(instruments, id);
        return held == null ? id : held.id();
    }

    private static IndexedEntry decider(final IndexedEntry one, final IndexedEntry other) {
        return IndexedEntry.DECIDING.compare(one, other) <= 0 ? one : other;
    }

    /** The id of the event a correction or retraction marks; empty for other events and for one naming itself. */
    private static Optional<String> correctedId(final PolicyEvent event) {
        final Correction correction = event.getCorrection();
        return correction == null || correction.getTargetEventId().equals(event.getEventId())
                ? Optional.empty() : Optional.of(correction.getTargetEventId());
    }

    private static boolean isFact(final IndexedEntry entry, final Map<String, IndexedEntry> marks) {
        return !entry.retraction() && !marks.containsKey(entry.eventId());
    }

    /** An affected instrument's versions after an entry (null: no fact left), and whether they were rebuilt. */
    private record Updated(InstrumentVersions versions, boolean rebuilt) {
    }

    /**
     * The instrument's versions without the fact {@code leaving} (null: none) and with {@code arriving} (null: none):
     * updated in place when they can take both ({@link InstrumentVersions#removed}, {@link InstrumentVersions#appended},
     * {@link InstrumentVersions#inserted}), else (or when {@code fastPath} is false) rebuilt from all their facts.
     */
    private static Updated updated(final InstrumentId id, final InstrumentVersions old, final PolicyEvent leaving,
            final PolicyEvent arriving, final EntryLookup lookup, final boolean fastPath) {
        final Function<String, PolicyEvent> facts = factId -> lookup.get(factId).event();
        boolean inPlace = fastPath && (leaving == null || old != null && old.removable(leaving));
        InstrumentVersions now = inPlace && leaving != null ? old.removed(leaving, facts) : old;
        if (inPlace && arriving != null) {
            final boolean appends = now != null && now.appendable(arriving);
            inPlace = appends || now != null && now.insertable(arriving);
            if (inPlace) {
                now = appends ? now.appended(arriving) : now.inserted(arriving, facts);
            }
        }
        return inPlace ? new Updated(now, false) : new Updated(rebuilt(id, old, leaving, arriving, lookup), old != null);
    }

    /** The instrument rebuilt from all its facts read through the lookup, without the leaving one, with the new one. */
    private static InstrumentVersions rebuilt(final InstrumentId id, final InstrumentVersions old,
            final PolicyEvent leaving, final PolicyEvent arriving, final EntryLookup lookup) {
        final List<PolicyEvent> facts = new ArrayList<>();
        if (old != null) {
            old.factIds().stream().filter(factId -> leaving == null || !factId.equals(leaving.getEventId()))
                    .forEach(factId -> facts.add(lookup.get(factId).event()));
        }
        if (arriving != null) {
            facts.add(arriving);
        }
        return facts.isEmpty() ? null : InstrumentVersions.of(id, facts);
    }

    private static InstrumentVersions find(final InstrumentVersions[] sorted, final InstrumentId id) {
        final int found = search(sorted, id);
        return found >= 0 ? sorted[found] : null;
    }

    /** The instruments with the one of this id replaced, added or (when null) removed. */
    private static InstrumentVersions[] replaced(final InstrumentVersions[] sorted, final InstrumentId id,
            final InstrumentVersions now) {
        final int found = search(sorted, id);
        if (found >= 0 && now != null) {
            final InstrumentVersions[] copy = sorted.clone();
            copy[found] = now;
            return copy;
        }
        if (found >= 0) {
            final InstrumentVersions[] shrunk = new InstrumentVersions[sorted.length - 1];
            System.arraycopy(sorted, 0, shrunk, 0, found);
            System.arraycopy(sorted, found + 1, shrunk, found, sorted.length - found - 1);
            return shrunk;
        }
        if (now == null) {
            return sorted;
        }
        final int at = -found - 1;
        final InstrumentVersions[] grown = new InstrumentVersions[sorted.length + 1];
        System.arraycopy(sorted, 0, grown, 0, at);
        grown[at] = now;
        System.arraycopy(sorted, at, grown, at + 1, sorted.length - at);
        return grown;
    }

    private static int search(final InstrumentVersions[] sorted, final InstrumentId id) {
        int low = 0;
        int high = sorted.length - 1;
        while (low <= high) {
            final int middle = (low + high) >>> 1;
            final int order = sorted[middle].id().compareTo(id);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    private static LocalDate latestFactDay(final InstrumentVersions[] instruments) {
        return Arrays.stream(instruments).map(InstrumentVersions::latestFactDay).max(LocalDate::compareTo).orElse(null);
    }
}
