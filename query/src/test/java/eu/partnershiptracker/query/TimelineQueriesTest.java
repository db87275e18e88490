package eu.partnershiptracker.query;

import static eu.partnershiptracker.core.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.testing.TestEvents;
import eu.partnershiptracker.model.EventEntry;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every query answers as known at an instant: from the events recorded up to it. In each partnership here the first
 * event is recorded at {@link #FIRST}, the second a second later.
 */
class TimelineQueriesTest {

    private static final Instant FIRST = Instant.ofEpochSecond(1_700_000_000L);
    private static final Timeline JAPAN = TestEvents.timeline(
            event("jp-neg", "EU:JP", InstrumentType.SDP, EventKind.NEGOTIATIONS_LAUNCHED, "2023-05"),
            event("jp-sign", "EU:JP", InstrumentType.SDP, EventKind.SIGNED, "2024-11-01"));
    private static final Timeline MOLDOVA = TestEvents.timeline(
            event("md-sign", "EU:MD", InstrumentType.FPA, EventKind.SIGNED, "2012-12-13"),
            event("md-force", "EU:MD", InstrumentType.FPA, EventKind.ENTERED_INTO_FORCE, "2013-07"));

    private final InMemoryTimelines store = InMemoryTimelines.of(Map.of("EU:JP", JAPAN, "EU:MD", MOLDOVA));
    private final TimelineQueries queries = new TimelineQueries(() -> store);

    @Test
    void aPartnershipAsKnownAtAnInstant() {
        final PartnershipView then = queries.partnership("EU:JP", new QueryTime(null, FIRST)).orElseThrow();
        assertThat(then.knownAt()).isEqualTo(FIRST);
        assertThat(then.instruments().get(0).getStatus().name()).isEqualTo("NEGOTIATING");
        assertThat(then.events()).extracting(EventEntry::getEventId).containsExactly("jp-neg");
        assertThat(queries.partnership("EU:JP", new QueryTime(null, FIRST.minusMillis(1)))).isEmpty();
        assertThat(queries.partnership("EU:JP", QueryTime.NOW).orElseThrow().instruments().get(0).getStatus().name())
                .isEqualTo("SIGNED");
    }

    @Test
    void listsHistoriesAndReplaysAsKnownAtAnInstant() {
        assertThat(queries.partnerships(new QueryTime(null, FIRST.minusMillis(1)), PartnershipFilter.ALL).count())
                .isZero();
        final Answers.PartnershipList list = queries.partnerships(new QueryTime(null, FIRST), PartnershipFilter.ALL);
        assertThat(list.knownAt()).isEqualTo(FIRST);
        assertThat(list.count()).isEqualTo(2);

        final Answers.History history = queries.history("EU:JP", null, null, FIRST).orElseThrow();
        assertThat(history.events()).extracting(EventEntry::getEventId).containsExactly("jp-neg");
        assertThat(history.steps()).hasSize(1);
        assertThat(history.steps().get(0).state().knownAt()).isEqualTo(FIRST);
        assertThat(queries.history("EU:JP", null, null, FIRST.minusMillis(1))).isEmpty();

        final Answers.ChangeList changes = queries.changes(null, null, FIRST);
        assertThat(changes.items()).extracting(StepView::eventIds)
                .containsExactly(List.of("md-sign"), List.of("jp-neg"));
        assertThat(queries.changes(null, null, null).count()).isEqualTo(4);
    }

    @Test
    void statsCountAsKnownAtAnInstant() {
        final Answers.Stats then = queries.stats(new QueryTime(null, FIRST), CertaintyFilter.CERTAIN);
        assertThat(then.byStatus()).isEqualTo(Map.of("NEGOTIATING", 1, "SIGNED", 1));
        assertThat(then.byCertainty()).isEqualTo(Map.of("CERTAIN", 2));
        assertThat(then.knownAt()).isEqualTo(FIRST);
        assertThat(queries.stats(QueryTime.NOW, CertaintyFilter.CERTAIN).byStatus())
                .isEqualTo(Map.of("IN_FORCE", 1, "SIGNED", 1));
    }

    @Test
    void theStatsTimelineFoldsEachYearEndAndStopsAtTheLastChange() {
        assertThat(queries.statsTimeline(null, null, CertaintyFilter.CERTAIN, null).points()).containsExactly(
                new Answers.YearPoint(2012, 1, 0), new Answers.YearPoint(2013, 1, 1),
                new Answers.YearPoint(2014, 1, 1), new Answers.YearPoint(2015, 1, 1),
                new Answers.YearPoint(2016, 1, 1), new Answers.YearPoint(2017, 1, 1),
                new Answers.YearPoint(2018, 1, 1), new Answers.YearPoint(2019, 1, 1),
                new Answers.YearPoint(2020, 1, 1), new Answers.YearPoint(2021, 1, 1),
                new Answers.YearPoint(2022, 1, 1), new Answers.YearPoint(2023, 1, 1),
                new Answers.YearPoint(2024, 2, 1));
        assertThat(queries.statsTimeline(null, null, CertaintyFilter.CERTAIN, FIRST).points())
                .containsExactly(new Answers.YearPoint(2012, 1, 0));
        assertThat(queries.statsTimeline(null, InstrumentType.ITPP, CertaintyFilter.ANY, null).points()).isEmpty();
    }
}
