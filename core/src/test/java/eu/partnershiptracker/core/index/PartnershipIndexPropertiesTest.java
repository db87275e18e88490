package eu.partnershiptracker.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.core.InstrumentRecordKey;
import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.core.changes.ChangeFeed;
import eu.partnershiptracker.core.changes.IncrementalChangeFeed;
import eu.partnershiptracker.core.changes.PublishedInstrument;
import eu.partnershiptracker.core.fold.InstrumentId;
import eu.partnershiptracker.core.fold.PartnershipFold;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.core.testing.Scenarios;
import eu.partnershiptracker.model.Conflict;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.model.PartnershipState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The index and the incremental change feed must answer exactly as the reference fold and {@link ChangeFeed} do, after
 * every accepted event of random scenarios: arrival orders, skipped duplicates and reused ids, corrections (also before
 * their targets, of corrections, of events that never come, of themselves), retractions, bounds, conflicting claims,
 * stated orders and their contradictions, recorded times out of arrival order and tied.
 */
class PartnershipIndexPropertiesTest {

    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static final String TOPIC = "policy-events";
    private static final LocalDate BEFORE_EVERYTHING = LocalDate.of(1950, 1, 1);

    @Property(tries = 250)
    void afterEveryEventTheIndexAnswersAsTheFold(@ForAll("scenarios") final Scenarios.Scenario scenario,
            @ForAll("asOfDates") final List<LocalDate> dates, @ForAll final long seed) {
        final Random random = new Random(seed);
        final Map<String, List<TimelineEntry>> accepted = Scenarios.accepted(scenario, T0, random);
        for (final Map.Entry<String, List<TimelineEntry>> partnership : accepted.entrySet()) {
            final Map<String, TimelineEntry> store = new HashMap<>();
            final EntryLookup lookup = id -> Optional.ofNullable(store.get(id));
            Timeline timeline = Timeline.EMPTY;
            PartnershipIndex index = PartnershipIndex.EMPTY;
            final Map<InstrumentId, Slice> instrumentsTopic = new TreeMap<>();
            for (final TimelineEntry entry : partnership.getValue()) {
                store.put(entry.eventId(), entry);
                final ChangeFeed.Outcome expected = ChangeFeed.accept(partnership.getKey(), timeline, entry, TOPIC);
                final IncrementalChangeFeed.Outcome actual =
                        IncrementalChangeFeed.accept(partnership.getKey(), index, entry, lookup, TOPIC);
                final String after = partnership.getKey() + " after " + entry.eventId();

                assertThat(actual.index().changeCount()).as(after).isEqualTo(expected.timeline().changeCount());
                assertThat(actual.index().stateAsOf(null, lookup)).as(after)
                        .isEqualTo(PartnershipFold.stateAsOf(expected.timeline(), null));
                assertSameChange(after, expected.change(), actual.change(),
                        PartnershipFold.stateAsOf(timeline, null), expected.state());
                assertExactDelta(after, actual.delta(), PartnershipFold.stateAsOf(timeline, null), expected.state());
                assertInstrumentRecords(after, actual, entry, instrumentsTopic);
                assertThat(instrumentsTopic).as(after + ": the instruments topic, latest record per key")
                        .isEqualTo(slices(expected.state(), true));
                assertAnswersAsTheFold(after, actual.index(), expected.timeline(), lookup, dates, random);

                timeline = expected.timeline();
                index = actual.index();
            }
            final PartnershipIndex built = PartnershipIndex.of(timeline.changeCount(), partnership.getValue());
            assertAnswersAsTheFold(partnership.getKey() + " built at once", built, timeline, lookup, dates, random);
        }
    }

    @Provide
    Arbitrary<Scenarios.Scenario> scenarios() {
        return Scenarios.richScenarios(24);
    }

    @Provide
    Arbitrary<List<LocalDate>> asOfDates() {
        return Scenarios.asOfDates();
    }

    private static void assertAnswersAsTheFold(final String what, final PartnershipIndex index, final Timeline timeline,
            final EntryLookup lookup, final List<LocalDate> dates, final Random random) {
        final List<LocalDate> all = new ArrayList<>(dates);
        all.add(BEFORE_EVERYTHING);
        all.add(null);
        // The edges of some claims, where an instrument appears or becomes certain, and a day inside their bounds.
        for (final TimelineEntry entry : timeline.entries().subList(0, Math.min(3, timeline.entries().size()))) {
            final DateClaim claim = DateClaim.of(entry.event());
            claim.possibleFrom().ifPresent(all::add);
            claim.certainFrom().ifPresent(day -> all.add(day.minusDays(1)));
            claim.possibleFrom().ifPresent(day -> all.add(day.plusDays(random.nextInt(400))));
        }
        for (final LocalDate date : all) {
            final PartnershipState expected = PartnershipFold.stateAsOf(timeline, date);
            assertThat(index.stateAsOf(date, lookup)).as(what + " as of " + date).isEqualTo(expected);
            assertThat(index.summaryAsOf(date)).as(what + " summary as of " + date)
                    .isEqualTo(expected == null ? null
                            : PartnershipState.newBuilder(expected).setEvents(List.of()).build());
            final Instant knownAt = T0.plusSeconds(random.nextInt(timeline.entries().size() + 2) - 1);
            assertThat(index.stateAsOf(date, knownAt, lookup)).as(what + " as of " + date + " known at " + knownAt)
                    .isEqualTo(PartnershipFold.stateAsOf(timeline, date, knownAt));
        }
    }

    /** Emitted exactly when ChangeFeed emits, with the same fields but for the bounded images. */
    private static void assertSameChange(final String what, final Optional<PartnershipChange> expected,
            final Optional<PartnershipChange> actual, final PartnershipState before, final PartnershipState after) {
        assertThat(actual.isPresent()).as(what + ": a change").isEqualTo(expected.isPresent());
        if (expected.isEmpty()) {
            return;
        }
        final PartnershipChange change = actual.orElseThrow();
        assertThat(PartnershipChange.newBuilder(change).setBefore(null).setAfter(null).build()).as(what)
                .isEqualTo(PartnershipChange.newBuilder(expected.get()).setBefore(null).setAfter(null).build());
        assertThat(header(change.getBefore())).as(what + " before").isEqualTo(header(expected.get().getBefore()));
        assertThat(header(change.getAfter())).as(what + " after").isEqualTo(header(expected.get().getAfter()));
        final Map<InstrumentId, Slice> applied = slices(before, true);
        for (final PartnershipState image : new PartnershipState[] {change.getBefore(), change.getAfter()}) {
            slices(image, false).keySet().forEach(applied::remove);
        }
        applied.putAll(slices(change.getAfter(), false));
        assertThat(applied).as(what + ": the images applied to the state before")
                .isEqualTo(slices(after, true));
    }

    /** The delta names exactly the instruments whose current state or conflicts differ, with both sides. */
    private static void assertExactDelta(final String what, final IndexDelta delta, final PartnershipState before,
            final PartnershipState after) {
        final Map<InstrumentId, Slice> from = slices(before, false);
        final Map<InstrumentId, Slice> to = slices(after, false);
        final Set<InstrumentId> differing = new TreeSet<>(from.keySet());
        differing.addAll(to.keySet());
        differing.removeIf(id -> Objects.equals(from.get(id), to.get(id)));
        assertThat(delta.instruments()).as(what + ": changed instruments").containsExactlyElementsOf(differing);
        assertThat(delta.instrumentsBefore()).as(what).containsExactlyElementsOf(differing.stream()
                .map(from::get).filter(Objects::nonNull).map(Slice::state).filter(Objects::nonNull).toList());
        assertThat(delta.instrumentsAfter()).as(what).containsExactlyElementsOf(differing.stream()
                .map(to::get).filter(Objects::nonNull).map(Slice::state).filter(Objects::nonNull).toList());
        assertThat(delta.conflictsBefore()).as(what).containsExactlyElementsOf(differing.stream()
                .map(from::get).filter(Objects::nonNull).flatMap(slice -> slice.conflicts().stream()).toList());
        assertThat(delta.conflictsAfter()).as(what).containsExactlyElementsOf(differing.stream()
                .map(to::get).filter(Objects::nonNull).flatMap(slice -> slice.conflicts().stream()).toList());
        assertThat(delta.changed()).as(what).isEqualTo(before != null || after != null);
    }

    /** One instrument's part of a state: its state (null if only conflicts name it) and its conflicts, in order. */
    private record Slice(InstrumentState state, List<Conflict> conflicts) {
    }

    /** A state cut into instrument slices; the eventIds lists emptied, as the change images carry them, if asked. */
    private static Map<InstrumentId, Slice> slices(final PartnershipState state, final boolean withoutEventIds) {
        final Map<InstrumentId, Slice> slices = new TreeMap<>();
        if (state == null) {
            return slices;
        }
        for (final InstrumentState instrument : state.getInstruments()) {
            slices.put(InstrumentId.of(instrument), new Slice(withoutEventIds
                    ? InstrumentState.newBuilder(instrument).setEventIds(List.of()).build() : instrument, List.of()));
        }
        for (final Conflict conflict : state.getConflicts()) {
            final InstrumentId id = new InstrumentId(conflict.getInstrument(), conflict.getInstrumentKey());
            final Slice slice = slices.getOrDefault(id, new Slice(null, List.of()));
            final List<Conflict> conflicts = new ArrayList<>(slice.conflicts());
            conflicts.add(conflict);
            slices.put(id, new Slice(slice.state(), conflicts));
        }
        return slices;
    }

    /**
     * The outcome has one instruments-topic record per instrument the delta names, in its order, and none without a
     * change; applies them to the topic's latest record per key (a tombstone removes the key).
     */
    private static void assertInstrumentRecords(final String what, final IncrementalChangeFeed.Outcome outcome,
            final TimelineEntry cause, final Map<InstrumentId, Slice> topic) {
        assertThat(outcome.instruments().stream().map(record -> InstrumentRecordKey.parse(record.key()).instrument()))
                .as(what + ": instrument records").containsExactlyElementsOf(
                        outcome.change().isPresent() ? outcome.delta().instruments() : List.of());
        for (final PublishedInstrument record : outcome.instruments()) {
            final InstrumentRecordKey key = InstrumentRecordKey.parse(record.key());
            assertThat(key.partnership()).as(what).isEqualTo(PartnershipKey.parse(PartnershipKey.of(cause.event())));
            if (record.value() == null) {
                topic.remove(key.instrument());
                continue;
            }
            assertThat(InstrumentId.of(record.value().getInstrument())).as(what).isEqualTo(key.instrument());
            assertThat(record.value().getCauseEventId()).as(what).isEqualTo(cause.eventId());
            assertThat(record.value().getChangeId()).as(what)
                    .isEqualTo(outcome.change().orElseThrow().getChangeId());
            topic.put(key.instrument(), new Slice(record.value().getInstrument(), record.value().getConflicts()));
        }
    }

    /** A change image without its instruments and conflicts. */
    private static PartnershipState header(final PartnershipState image) {
        return image == null ? null
                : PartnershipState.newBuilder(image).setInstruments(List.of()).setConflicts(List.of()).build();
    }
}
