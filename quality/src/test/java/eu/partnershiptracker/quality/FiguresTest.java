package eu.partnershiptracker.quality;

import static eu.partnershiptracker.core.testing.TestEvents.corrects;
import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.core.testing.TestEvents.retracts;
import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PolicyEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every figure the seeds state and data/checks/figures.yaml lists is reproduced by counting over the record, through
 * the API's query where the figure says so.
 */
class FiguresTest {

    private static final Dataset RECORD = CuratedRecord.dataset();
    private static final PartnershipTimelines TIMELINES = PartnershipTimelines.of(RECORD.events());
    private static final FigureCheck CHECK = new FigureCheck(TIMELINES.facts(), TIMELINES.queries());

    static Stream<Figure> figures() {
        return RECORD.figures().figures().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("figures")
    void theRecordReproducesTheFigure(final Figure figure) {
        final FigureCheck.Result result = CHECK.check(figure);

        assertThat(result.reproduced()).as(result.describe()).isTrue();
    }

    @Test
    void theHeadlineFiguresAreChecked() {
        assertThat(figures().map(Figure::id)).contains("sdp-count-eight-2025-08", "fpa-count-concluded-since-2003",
                "eu-nato-joint-declarations-three", "eu-nato-common-proposals-two-sets");
        assertThat(RECORD.figures().unreproducible()).isPositive();
    }

    @Test
    void theEightSdpsAreCountedThroughTheQueryAsCertainByTheEndOfAugust2025() {
        final FigureCheck.Result result = CHECK.check(figure("sdp-count-eight-2025-08"));

        assertThat(result.matching()).containsExactlyInAnyOrder("EU:MD SDP", "EU:NO SDP", "EU:KR SDP", "EU:JP SDP",
                "EU:AL SDP", "EU:MK SDP", "EU:GB SDP", "EU:CA SDP");
    }

    @Test
    void aWrongExpectationFailsNamingTheFigureBothCountsAndTheMatches() {
        final Figure eight = figure("sdp-count-eight-2025-08");
        final Figure nine = new Figure(eight.id(), eight.source(), eight.quote(), eight.count(), 9);

        final FigureCheck.Result result = CHECK.check(nine);

        assertThat(result.reproduced()).isFalse();
        assertThat(result.describe()).startsWith("sdp-count-eight-2025-08: expected 9, counted 8: ")
                .contains("EU:GB SDP", "EU:NO SDP");
    }

    @Test
    void aCountThroughTheQueryTakesTheQuerysDateAndStatus() {
        final List<PolicyEvent> events = List.of(
                event("jp", "EU:JP", InstrumentType.SDP, EventKind.SIGNED, "2024-11").build(),
                event("md", "EU:MD", InstrumentType.SDP, EventKind.SIGNED, "2024-05").build());
        final PartnershipTimelines timelines = PartnershipTimelines.of(events);
        final FigureCheck check = new FigureCheck(timelines.facts(), timelines.queries());

        assertThat(check.check(signedSdps(LocalDate.of(2024, 10, 31))).matching()).containsExactly("EU:MD SDP");
        assertThat(check.check(signedSdps(null)).matching()).containsExactly("EU:JP SDP", "EU:MD SDP");
    }

    @Test
    void correctedAndRetractedEventsAndRetractionsDoNotCount() {
        final List<PolicyEvent> events = List.of(
                event("jp", "EU:JP", InstrumentType.SDP, EventKind.SIGNED, "2024-11").build(),
                event("kr", "EU:KR", InstrumentType.SDP, EventKind.SIGNED, "2024-11").build(),
                event("kr-fix", "EU:KR", InstrumentType.SDP, EventKind.SIGNED, "2026")
                        .setCorrection(corrects("kr")).build(),
                event("al", "EU:AL", InstrumentType.SDP, EventKind.SIGNED, "2024-05").build(),
                event("al-gone", "EU:AL", InstrumentType.SDP, EventKind.SIGNED, "2024-05")
                        .setCorrection(retracts("al")).build());
        final PartnershipTimelines timelines = PartnershipTimelines.of(events);
        final FigureCheck check = new FigureCheck(timelines.facts(), timelines.queries());

        assertThat(check.check(sdps(LocalDate.of(2025, 8, 31))).matching())
                .containsExactly("EU:JP SDP");
    }

    @Test
    void eventsUnitCountsEachMatchingEvent() {
        final List<PolicyEvent> meetings = List.of(
                event("m1", "EU:NATO", InstrumentType.OTHER, EventKind.HELD, "2022-03").setInstrumentKey("m").build(),
                event("m2", "EU:NATO", InstrumentType.OTHER, EventKind.HELD, "2022-10").setInstrumentKey("m").build());
        final FigureCount perEvent = new FigureCount(Actor.EU, "NATO", InstrumentType.OTHER, "m",
                Set.of(EventKind.HELD), null, null, null, null, null, FigureCount.Unit.EVENTS);
        final FigureCount perInstrument = new FigureCount(Actor.EU, "NATO", InstrumentType.OTHER, "m",
                Set.of(EventKind.HELD), null, null, null, null, null, FigureCount.Unit.INSTRUMENTS);
        final FigureCheck check = new FigureCheck(meetings, PartnershipTimelines.of(meetings).queries());

        assertThat(check.check(new Figure("twice", "s", "q", perEvent, 2)).reproduced()).isTrue();
        assertThat(check.check(new Figure("one", "s", "q", perInstrument, 1)).reproduced()).isTrue();
    }

    private static Figure sdps(final LocalDate onOrBefore) {
        return new Figure("sdps", "brief.txt", "quote", new FigureCount(Actor.EU, null, InstrumentType.SDP, null,
                Set.of(EventKind.SIGNED), null, onOrBefore, null, null, null, FigureCount.Unit.INSTRUMENTS), 0);
    }

    private static Figure signedSdps(final LocalDate asOf) {
        return new Figure("signed", "brief.txt", "quote", new FigureCount(Actor.EU, null, InstrumentType.SDP, null,
                Set.of(), null, null, InstrumentStatus.SIGNED, asOf, null, FigureCount.Unit.INSTRUMENTS), 0);
    }

    private static Figure figure(final String id) {
        return figures().filter(figure -> figure.id().equals(id)).findFirst().orElseThrow();
    }
}
