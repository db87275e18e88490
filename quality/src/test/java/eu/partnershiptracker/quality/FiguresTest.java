package eu.partnershiptracker.quality;

import static eu.partnershiptracker.core.testing.TestEvents.corrects;
import static eu.partnershiptracker.core.testing.TestEvents.date;
import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.core.testing.TestEvents.retracts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.DateBounds;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.query.CertaintyFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every figure the seeds state and data/checks/figures.yaml lists is reproduced in an answer of the API's queries, as of
 * the date the seed speaks of and with the certainty it states.
 */
class FiguresTest {

    private static final Dataset RECORD = CuratedRecord.dataset();
    private static final PartnershipTimelines TIMELINES = PartnershipTimelines.of(RECORD.events());
    private static final FigureCheck CHECK = new FigureCheck(TIMELINES.queries());

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
    void aCountTakesTheQuerysDateAndStatus() {
        final List<PolicyEvent> events = List.of(
                event("jp", "EU:JP", InstrumentType.SDP, EventKind.SIGNED, "2024-11").build(),
                event("md", "EU:MD", InstrumentType.SDP, EventKind.SIGNED, "2024-05").build());
        final FigureCheck check = new FigureCheck(PartnershipTimelines.of(events).queries());

        assertThat(check.check(signedSdps(LocalDate.of(2024, 10, 31), CertaintyFilter.CERTAIN)).matching())
                .containsExactly("EU:MD SDP");
        assertThat(check.check(signedSdps(LocalDate.of(2024, 11, 30), CertaintyFilter.CERTAIN)).matching())
                .containsExactly("EU:JP SDP", "EU:MD SDP");
    }

    @Test
    void aStepKnownOnlyByBoundsCountsAsTheStatedCertaintyReadsIt() {
        final List<PolicyEvent> events = List.of(
                event("jp", "EU:JP", InstrumentType.SDP, EventKind.SIGNED, "2024").setEventDate(null)
                        .setDateBounds(new DateBounds(date("2024-07-12"), date("2025-08"))).build());
        final FigureCheck check = new FigureCheck(PartnershipTimelines.of(events).queries());

        assertThat(check.check(signedSdps(LocalDate.of(2024, 9, 1), CertaintyFilter.CERTAIN)).matching()).isEmpty();
        assertThat(check.check(signedSdps(LocalDate.of(2024, 9, 1), CertaintyFilter.ANY)).matching())
                .containsExactly("EU:JP SDP");
        assertThat(check.check(signedSdps(LocalDate.of(2025, 8, 31), CertaintyFilter.CERTAIN)).matching())
                .containsExactly("EU:JP SDP");
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
        final FigureCheck check = new FigureCheck(PartnershipTimelines.of(events).queries());

        assertThat(check.check(signedSdps(LocalDate.of(2025, 8, 31), CertaintyFilter.CERTAIN)).matching())
                .containsExactly("EU:JP SDP");
    }

    @Test
    void sinceLeavesOutInstrumentsWhoseStepIsDatedEarlier() {
        final List<PolicyEvent> events = List.of(
                event("jd-2002", "EU:NATO", InstrumentType.JOINT_DECLARATION, EventKind.ISSUED, "2002-12")
                        .setInstrumentKey("2002").build(),
                event("jd-2016", "EU:NATO", InstrumentType.JOINT_DECLARATION, EventKind.ISSUED, "2016-07")
                        .setInstrumentKey("2016").build());
        final FigureCount declarations = new FigureCount(FigureCount.Query.PARTNERSHIPS, Actor.EU, "NATO",
                InstrumentType.JOINT_DECLARATION, null, Set.of(), LocalDate.of(2016, 1, 1), Set.of(), null,
                LocalDate.of(2024, 7, 12), CertaintyFilter.CERTAIN);

        assertThat(new FigureCheck(PartnershipTimelines.of(events).queries())
                .check(new Figure("jd", "s", "q", declarations, 1)).matching())
                .containsExactly("EU:NATO JOINT_DECLARATION 2016");
    }

    @Test
    void aHistoryCountCountsEachEventOfItsKindsTakingEffectInTheReplaysSpan() {
        final List<PolicyEvent> meetings = List.of(
                event("m0", "EU:NATO", InstrumentType.MEETING_FORMAT, EventKind.LAUNCHED, "2022-01").setInstrumentKey("m")
                        .build(),
                event("m1", "EU:NATO", InstrumentType.MEETING_FORMAT, EventKind.HELD, "2021-06").setInstrumentKey("m")
                        .build(),
                event("m2", "EU:NATO", InstrumentType.MEETING_FORMAT, EventKind.HELD, "2022-03").setInstrumentKey("m")
                        .build(),
                event("m3", "EU:NATO", InstrumentType.MEETING_FORMAT, EventKind.HELD, "2022-10").setInstrumentKey("m")
                        .build(),
                event("x", "EU:NATO", InstrumentType.JOINT_EXERCISE, EventKind.HELD, "2022-10").setInstrumentKey("x")
                        .build());
        final FigureCount in2022 = new FigureCount(FigureCount.Query.HISTORY, Actor.EU, "NATO",
                InstrumentType.MEETING_FORMAT, "m", Set.of(), null, Set.of(EventKind.HELD), LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 12, 31), CertaintyFilter.CERTAIN);

        assertThat(new FigureCheck(PartnershipTimelines.of(meetings).queries())
                .check(new Figure("twice", "s", "q", in2022, 2)).matching()).containsExactly("m2", "m3");
    }

    @Test
    void aBoundedEventCountsInAWindowOnlyWhenEveryDayItAllowsLiesInIt() {
        final List<PolicyEvent> meetings = List.of(
                event("m0", "EU:NATO", InstrumentType.MEETING_FORMAT, EventKind.HELD, "2022-10").setInstrumentKey("m")
                        .build(),
                event("before-march", "EU:NATO", InstrumentType.MEETING_FORMAT, EventKind.HELD, "2000")
                        .setInstrumentKey("m").setEventDate(null)
                        .setDateBounds(DateClaim.parse("[..2022-03]").bounds()).build());
        final FigureCheck check = new FigureCheck(PartnershipTimelines.of(meetings).queries());

        assertThat(check.check(new Figure("once", "s", "q", heldIn2022(CertaintyFilter.CERTAIN), 1)).matching())
                .containsExactly("m0");
        assertThat(check.check(new Figure("twice", "s", "q", heldIn2022(CertaintyFilter.ANY), 2)).matching())
                .containsExactlyInAnyOrder("m0", "before-march");
    }

    private static FigureCount heldIn2022(final CertaintyFilter certainty) {
        return new FigureCount(FigureCount.Query.HISTORY, Actor.EU, "NATO", InstrumentType.MEETING_FORMAT, "m",
                Set.of(), null, Set.of(EventKind.HELD), LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31),
                certainty);
    }

    @Test
    void aCountWithoutTheDateTheSeedSpeaksOfIsRefused() {
        assertThatThrownBy(() -> new FigureCount(FigureCount.Query.PARTNERSHIPS, Actor.EU, null, InstrumentType.SDP,
                null, Set.of(), null, Set.of(), null, null, CertaintyFilter.CERTAIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'asOf' is required");
        assertThatThrownBy(() -> new FigureCount(FigureCount.Query.PARTNERSHIPS, Actor.EU, null, InstrumentType.SDP,
                null, Set.of(), null, Set.of(), null, LocalDate.of(2025, 8, 31), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'certainty' is required");
    }

    @Test
    void aMalformedCountNamesTheFileTheEntryAndTheField(@TempDir final Path directory) throws IOException {
        final Path file = directory.resolve("figures.yaml");
        Files.writeString(file, """
                figures:
                  - id: eight
                    source: s.txt
                    quote: q
                    count:
                      instrument: SDP
                      certainty: CERTAIN
                    expected: 8
                """);

        assertThatThrownBy(() -> FigureList.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("figures entry #1 (eight)")
                .hasMessageContaining("field 'count'").hasMessageContaining("'asOf' is required");
    }

    private static Figure signedSdps(final LocalDate asOf, final CertaintyFilter certainty) {
        return new Figure("signed", "brief.txt", "quote", new FigureCount(FigureCount.Query.PARTNERSHIPS, Actor.EU,
                null, InstrumentType.SDP, null, Set.of(InstrumentStatus.SIGNED), null, Set.of(), null, asOf, certainty), 0);
    }

    private static Figure figure(final String id) {
        return figures().filter(figure -> figure.id().equals(id)).findFirst().orElseThrow();
    }
}
