package eu.partnershiptracker.core.fold;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.model.Conflict;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.PolicyEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One instrument's state as of every date, prebuilt from its effective facts, so that an as-of answer is one floor
 * search instead of a fold. As of D a step is absent, possible or certain by {@link DateClaim#certaintyOn}, which
 * changes only on the first day a claim allows and on the day it becomes certain; the resolved date of a fact takes its
 * bounds from its claims, so those days of the facts' own claims are the only days the instrument's state can change
 * on. Between two of them the state is the one {@link InstrumentFold} gives on the first; consecutive equal versions are
 * kept once.
 *
 * <p>Building costs one fold of the instrument per breakpoint, so O(m^2 log m) for an instrument of m facts, and each
 * version holds its own eventIds: fine for instruments of tens of facts, which is what the data and the benchmark have;
 * a sweep over the breakpoints that updates the present steps incrementally would make both O(m log m).
 */
public final class InstrumentVersions {

    private final InstrumentId id;
    private final List<String> factIds;
    private final LocalDate latestFactDay;
    private final long[] days;
    /** states[0] before days[0], states[i + 1] from days[i]; null where the instrument is absent. */
    private final InstrumentState[] states;
    private final InstrumentState current;
    private final List<Conflict> conflicts;

    private InstrumentVersions(final InstrumentId id, final List<String> factIds, final LocalDate latestFactDay,
            final long[] days, final InstrumentState[] states, final InstrumentState current,
            final List<Conflict> conflicts) {
        this.id = id;
        this.factIds = factIds;
        this.latestFactDay = latestFactDay;
        this.days = days;
        this.states = states;
        this.current = current;
        this.conflicts = conflicts;
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
        final TreeSet<LocalDate> breakpoints = new TreeSet<>();
        for (final PolicyEvent fact : sorted) {
            final DateClaim claim = DateClaim.of(fact);
            claim.possibleFrom().ifPresent(breakpoints::add);
            claim.certainFrom().ifPresent(breakpoints::add);
        }
        final List<LocalDate> dates = new ArrayList<>(breakpoints.size() + 2);
        dates.add(LocalDate.MIN);
        dates.addAll(breakpoints);
        dates.add(null);
        final List<Optional<InstrumentState>> built = InstrumentFold.versions(id, sorted, dates);
        final List<Long> keptDays = new ArrayList<>();
        final List<InstrumentState> keptStates = new ArrayList<>();
        keptStates.add(built.get(0).orElse(null));
        for (int i = 1; i < dates.size() - 1; i++) {
            final InstrumentState state = built.get(i).orElse(null);
            if (!Objects.equals(state, keptStates.get(keptStates.size() - 1))) {
                keptDays.add(dates.get(i).toEpochDay());
                keptStates.add(state);
            }
        }
        return new InstrumentVersions(id, sorted.stream().map(PolicyEvent::getEventId).toList(),
                sorted.stream().map(fact -> DateClaim.of(fact).earliestDay()).max(LocalDate::compareTo).orElseThrow(),
                keptDays.stream().mapToLong(Long::longValue).toArray(), keptStates.toArray(InstrumentState[]::new),
                built.get(dates.size() - 1).orElseThrow(), InstrumentFold.conflicts(sorted));
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

    /** The state as of a date (null: the current state), or null where none of its steps had happened by then. */
    public InstrumentState asOf(final LocalDate date) {
        if (date == null) {
            return current;
        }
        final int found = Arrays.binarySearch(days, date.toEpochDay());
        return states[found >= 0 ? found + 1 : -found - 1];
    }

    /** Its conflicts, which hold whatever the date. */
    public List<Conflict> conflicts() {
        return conflicts;
    }
}
