package eu.partnershiptracker.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.core.fold.InstrumentId;
import eu.partnershiptracker.core.fold.InstrumentVersions;
import eu.partnershiptracker.core.fold.PartnershipFold;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.core.testing.Scenarios;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast paths of {@link PartnershipIndex#accept} (a fact appended to its instrument's versions without reading its
 * facts, or inserted reading only the few that still matter from its day) must give exactly what rebuilding the
 * instrument from its facts gives, and must be taken for most events of long instruments, or they save nothing.
 */
class InstrumentAppendPropertiesTest {

    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static final LocalDate BEFORE_EVERYTHING = LocalDate.of(1950, 1, 1);

    @Property(tries = 200)
    void longInstrumentsAppendOrInsertMostEventsAsTheRebuildWould(
            @ForAll("longInstruments") final Scenarios.Scenario scenario, @ForAll final long seed) {
        final int[] counts = acceptBothWays(scenario, new Random(seed), true);
        // Corrections, second claims and first events of an instrument take the rebuild.
        if (counts[1] >= 30) {
            assertThat(counts[0]).as("events appended or inserted of " + counts[1])
                    .isGreaterThanOrEqualTo(counts[1] / 3);
        }
    }

    @Property(tries = 200)
    void richScenariosAppendOrInsertAsTheRebuildWould(@ForAll("richScenarios") final Scenarios.Scenario scenario,
            @ForAll final long seed) {
        acceptBothWays(scenario, new Random(seed), false);
    }

    @Provide
    Arbitrary<Scenarios.Scenario> longInstruments() {
        return Scenarios.longInstruments(80);
    }

    @Provide
    Arbitrary<Scenarios.Scenario> richScenarios() {
        return Scenarios.richScenarios(24);
    }

    /** Accepts every first arrival both ways, comparing after each; {appended or inserted, accepted}. */
    private static int[] acceptBothWays(final Scenarios.Scenario scenario, final Random random,
            final boolean againstTheFold) {
        int fast = 0;
        int accepted = 0;
        for (final List<TimelineEntry> entries : Scenarios.accepted(scenario, T0, random).values()) {
            final Map<String, TimelineEntry> store = new HashMap<>();
            final EntryLookup lookup = id -> Optional.ofNullable(store.get(id));
            final Set<InstrumentId> ids = new TreeSet<>();
            final List<TimelineEntry> known = new ArrayList<>();
            PartnershipIndex index = PartnershipIndex.EMPTY;
            for (final TimelineEntry entry : entries) {
                store.put(entry.eventId(), entry);
                known.add(entry);
                ids.add(InstrumentId.of(entry.event()));
                accepted++;
                final PartnershipIndex.Accepted appended = index.accept(entry, lookup, true);
                if (!appended.rebuilt()) {
                    fast++;
                }
                final PartnershipIndex.Accepted rebuilt = index.accept(entry, lookup, false);
                final String after = "after " + entry.eventId() + " of " + known.size();
                assertThat(appended.delta()).as(after).isEqualTo(rebuilt.delta());
                assertThat(appended.index().latestFactDay()).as(after).isEqualTo(rebuilt.index().latestFactDay());
                assertThat(appended.index().lastChangeDay()).as(after).isEqualTo(rebuilt.index().lastChangeDay());
                final List<LocalDate> dates = dates(known);
                for (final InstrumentId id : ids) {
                    assertSameVersions(after + ", " + id, appended.index().instrument(id),
                            rebuilt.index().instrument(id), dates);
                }
                if (againstTheFold) {
                    final Timeline timeline = new Timeline(0, known);
                    for (final LocalDate date : dates) {
                        assertThat(appended.index().stateAsOf(date, lookup)).as(after + " as of " + date)
                                .isEqualTo(PartnershipFold.stateAsOf(timeline, date));
                    }
                }
                index = appended.index();
            }
        }
        return new int[] {fast, accepted};
    }

    /** Equal on every day a state can change on, the day before it, and before and after everything. */
    private static void assertSameVersions(final String what, final InstrumentVersions actual,
            final InstrumentVersions expected, final List<LocalDate> dates) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
            return;
        }
        assertThat(actual).as(what).isNotNull();
        assertThat(actual.factIds()).as(what).isEqualTo(expected.factIds());
        assertThat(actual.published()).as(what).isEqualTo(expected.published());
        assertThat(actual.conflicts()).as(what).isEqualTo(expected.conflicts());
        assertThat(actual.latestFactDay()).as(what).isEqualTo(expected.latestFactDay());
        assertThat(actual.lastChangeDay()).as(what).isEqualTo(expected.lastChangeDay());
        for (final LocalDate date : dates) {
            assertThat(actual.asOf(date)).as(what + " as of " + date).isEqualTo(expected.asOf(date));
        }
    }

    private static List<LocalDate> dates(final List<TimelineEntry> entries) {
        final Set<LocalDate> dates = new TreeSet<>();
        dates.add(BEFORE_EVERYTHING);
        for (final TimelineEntry entry : entries) {
            final DateClaim claim = DateClaim.of(entry.event());
            claim.possibleFrom().ifPresent(day -> {
                dates.add(day);
                dates.add(day.minusDays(1));
            });
            claim.certainFrom().ifPresent(day -> {
                dates.add(day);
                dates.add(day.minusDays(1));
            });
        }
        final List<LocalDate> all = new ArrayList<>(dates);
        all.add(null);
        return all;
    }
}
