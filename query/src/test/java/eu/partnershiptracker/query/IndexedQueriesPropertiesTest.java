package eu.partnershiptracker.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.core.testing.Scenarios;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.query.http.JsonMapping;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The queries answered from the indexes give exactly the JSON of the same queries folding the same timelines: one
 * partnership as of a date with its events, and without them (its item in the list), lists as of a date under any
 * filter, the counts, the yearly totals, and the replays of one partnership and of all. The
 * scenarios are core's (corrections, retractions, bounds open at either end, conflicting claims, counterpart names),
 * recorded at random seconds so that recorded order differs from arrival order.
 */
class IndexedQueriesPropertiesTest {

    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static final LocalDate BEFORE_EVERYTHING = LocalDate.of(1950, 1, 1);
    private static final ObjectMapper JSON = JsonMapping.create();

    /** Filters of a list or a count: each may be open. */
    record Filters(Actor actor, InstrumentType instrument, InstrumentStatus status, CertaintyFilter certainty) {
    }

    @Property(tries = 300)
    void indexedAnswersAreTheFoldedAnswers(@ForAll("scenarios") final Scenarios.Scenario scenario,
            @ForAll("dates") final List<LocalDate> dates, @ForAll("filters") final List<Filters> filters,
            @ForAll final long seed) throws JsonProcessingException {
        final Map<String, Timeline> timelines = new TreeMap<>();
        Scenarios.accepted(scenario, T0, new Random(seed))
                .forEach((key, entries) -> timelines.put(key, new Timeline(0, entries)));
        final InMemoryTimelines store = InMemoryTimelines.of(timelines);
        final InMemoryIndexes indexes = InMemoryIndexes.of(timelines);
        final TimelineQueries folded = new TimelineQueries(() -> store);
        final TimelineQueries indexed = new TimelineQueries(() -> store, () -> Optional.of(indexes));

        for (final LocalDate asOf : withEdges(dates, timelines)) {
            final QueryTime time = new QueryTime(asOf, null);
            final List<PartnershipView> listed = folded.partnerships(time, PartnershipFilter.ALL).items();
            for (final String key : keys()) {
                assertSameJson(key + " as of " + asOf, indexed.partnership(key, time).orElse(null),
                        folded.partnership(key, time).orElse(null));
                // Without its events, one partnership is its item in the list, whichever way it is answered.
                final PartnershipView item = listed.stream().filter(view -> view.key().equals(key)).findFirst()
                        .orElse(null);
                assertSameJson(key + "'s summary as of " + asOf, indexed.summary(key, time).orElse(null), item);
                assertSameJson(key + "'s folded summary as of " + asOf, folded.summary(key, time).orElse(null), item);
            }
            for (final Filters filter : filters) {
                final PartnershipFilter kept = new PartnershipFilter(filter.actor(), filter.instrument(),
                        filter.status(), filter.certainty());
                assertSameJson("list as of " + asOf + " with " + filter, indexed.partnerships(time, kept),
                        folded.partnerships(time, kept));
                assertSameJson("stats as of " + asOf + " with " + filter.certainty(),
                        indexed.stats(time, filter.certainty()), folded.stats(time, filter.certainty()));
            }
        }
        final LocalDate from = dates.stream().min(LocalDate::compareTo).orElseThrow();
        final LocalDate to = dates.stream().max(LocalDate::compareTo).orElseThrow();
        for (final LocalDate[] range : List.of(new LocalDate[] {null, null}, new LocalDate[] {from, null},
                new LocalDate[] {null, to}, new LocalDate[] {from, to})) {
            for (final String key : keys()) {
                assertSameJson("history of " + key + " from " + range[0] + " to " + range[1],
                        indexed.history(key, range[0], range[1], null).orElse(null),
                        folded.history(key, range[0], range[1], null).orElse(null));
            }
            assertSameJson("changes from " + range[0] + " to " + range[1], indexed.changes(range[0], range[1], null),
                    folded.changes(range[0], range[1], null));
        }
        for (final Filters filter : filters) {
            assertSameJson("stats timeline with " + filter,
                    indexed.statsTimeline(filter.actor(), filter.instrument(), filter.certainty(), null),
                    folded.statsTimeline(filter.actor(), filter.instrument(), filter.certainty(), null));
        }
    }

    @Provide
    Arbitrary<Scenarios.Scenario> scenarios() {
        return Scenarios.richScenarios(24);
    }

    @Provide
    Arbitrary<List<LocalDate>> dates() {
        return Scenarios.asOfDates();
    }

    @Provide
    Arbitrary<List<Filters>> filters() {
        return Combinators.combine(Arbitraries.of(Actor.class).injectNull(0.4),
                Arbitraries.of(InstrumentType.class).injectNull(0.4),
                Arbitraries.of(InstrumentStatus.class).injectNull(0.4),
                Arbitraries.of(CertaintyFilter.class)).as(Filters::new).list().ofMinSize(1).ofMaxSize(3);
    }

    private static void assertSameJson(final String what, final Object indexed, final Object folded)
            throws JsonProcessingException {
        assertThat(JSON.writeValueAsString(indexed)).as(what).isEqualTo(JSON.writeValueAsString(folded));
    }

    /** The scenario's partnerships, and one it never names. */
    private static List<String> keys() {
        final List<String> keys = new ArrayList<>(Scenarios.PARTNERSHIPS);
        keys.add("EU:KR");
        return keys;
    }

    /** The dates, the current state, a day before everything, and the edges of some claims. */
    private static List<LocalDate> withEdges(final List<LocalDate> dates, final Map<String, Timeline> timelines) {
        final List<LocalDate> all = new ArrayList<>(dates);
        all.add(null);
        all.add(BEFORE_EVERYTHING);
        for (final Timeline timeline : timelines.values()) {
            for (final TimelineEntry entry : timeline.entries().subList(0, Math.min(2, timeline.entries().size()))) {
                final DateClaim claim = DateClaim.of(entry.event());
                claim.possibleFrom().ifPresent(all::add);
                claim.certainFrom().ifPresent(day -> all.add(day.minusDays(1)));
            }
        }
        return all;
    }
}
