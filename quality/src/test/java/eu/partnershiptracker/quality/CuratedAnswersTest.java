package eu.partnershiptracker.quality;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.model.Certainty;
import eu.partnershiptracker.model.Conflict;
import eu.partnershiptracker.model.ConflictType;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.query.Answers;
import eu.partnershiptracker.query.CertaintyFilter;
import eu.partnershiptracker.query.PartnershipFilter;
import eu.partnershiptracker.query.PartnershipView;
import eu.partnershiptracker.query.QueryTime;
import eu.partnershiptracker.query.TimelineQueries;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the API answers over the curated record, through the same query code: the answers issue 9 names, the eight SDPs
 * of seed 003 and Japan's still only possible SDP in September 2024, and the stated orders' conflicts and the date
 * conflicts of one fact at any date.
 */
class CuratedAnswersTest {

    private static final TimelineQueries QUERIES =
            PartnershipTimelines.of(CuratedRecord.dataset().events()).queries();
    private static final PartnershipFilter SIGNED_SDPS =
            new PartnershipFilter(null, InstrumentType.SDP, InstrumentStatus.SIGNED, CertaintyFilter.CERTAIN);

    @Test
    void theEightSdpPartnersOfSeed003AreCertainlySignedByTheEndOfAugust2025() {
        final Answers.PartnershipList answer =
                QUERIES.partnerships(new QueryTime(LocalDate.of(2025, 8, 31), null), SIGNED_SDPS);

        assertThat(answer.items()).extracting(PartnershipView::counterpartName).containsExactlyInAnyOrder("Norway",
                "Moldova", "South Korea", "Japan", "Albania", "North Macedonia", "United Kingdom", "Canada");
        assertThat(answer.items()).allSatisfy(partnership -> assertThat(sdp(partnership).getCertainty())
                .isEqualTo(Certainty.CERTAIN));
    }

    @Test
    void japansSdpIsOnlyPossibleInSeptember2024() {
        final PartnershipView japan = QUERIES.partnership("EU:JP", new QueryTime(LocalDate.of(2024, 9, 1), null))
                .orElseThrow();

        assertThat(sdp(japan).getStatus()).isEqualTo(InstrumentStatus.SIGNED);
        assertThat(sdp(japan).getCertainty()).isEqualTo(Certainty.POSSIBLE);
        assertThat(sdp(japan).getNotBefore()).isNotNull();
        assertThat(QUERIES.partnerships(new QueryTime(LocalDate.of(2024, 9, 1), null), SIGNED_SDPS).items())
                .extracting(PartnershipView::key).containsExactlyInAnyOrder("EU:MD", "EU:NO");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2000-01-01", "2024-09-01", "2026-01-01"})
    void theStatedOrdersThatContradictTheRecordAreConflictsAtEveryDate(final String date) {
        final QueryTime time = new QueryTime(LocalDate.parse(date), null);

        for (final String key : new String[] {"EU:NO", "EU:MD", "EU:GB", "EU:CA"}) {
            assertThat(QUERIES.partnership(key, time)).as(key + " as of " + date).hasValueSatisfying(partnership ->
                    assertThat(partnership.conflicts()).extracting(Conflict::getType).contains(ConflictType.ORDER));
            assertThat(QUERIES.partnerships(time, PartnershipFilter.ALL).items())
                    .filteredOn(item -> item.key().equals(key)).singleElement()
                    .satisfies(item -> assertThat(item.conflicts()).isNotEmpty());
        }
    }

    /** The date conflicts of one fact the record keeps as competing claims (docs/DATA.md, "Conflicts found"). */
    static Stream<Arguments> dateConflictsAtEveryDate() {
        final List<String[]> conflicts = List.of(
                new String[] {"EU:KR", "FPA", "ENTERED_INTO_FORCE"},
                new String[] {"EU:UA", "FPA", "ENTERED_INTO_FORCE"},
                new String[] {"NATO:PARTNERS", "NATO_PARTNERSHIP_FRAMEWORK", "SUPERSEDED"},
                new String[] {"EU:US", "SECURITY_DEFENCE_DIALOGUE", "LAUNCHED"});
        return Stream.of(LocalDate.of(1990, 1, 1), LocalDate.of(2010, 1, 1), LocalDate.now())
                .flatMap(date -> conflicts.stream().map(conflict -> Arguments.of(date, conflict[0], conflict[1],
                        conflict[2])));
    }

    @ParameterizedTest(name = "{1} {2} {3} as of {0}")
    @MethodSource("dateConflictsAtEveryDate")
    void everyDateConflictOfOneFactIsVisibleAtEveryDateInThePartnershipAndInTheList(final LocalDate date,
            final String key, final String instrument, final String kind) {
        final QueryTime time = new QueryTime(date, null);
        final String conflict = instrument + " " + kind + " " + ConflictType.DATES;

        assertThat(QUERIES.partnership(key, time)).as(key + " as of " + date).hasValueSatisfying(partnership ->
                assertThat(partnership.conflicts()).extracting(CuratedAnswersTest::describe).contains(conflict));
        assertThat(QUERIES.partnerships(time, PartnershipFilter.ALL).items())
                .filteredOn(item -> item.key().equals(key)).singleElement()
                .satisfies(item -> assertThat(item.conflicts()).extracting(CuratedAnswersTest::describe)
                        .contains(conflict));
    }

    private static String describe(final Conflict conflict) {
        return conflict.getInstrument() + " " + conflict.getKind() + " " + conflict.getType();
    }

    private static InstrumentState sdp(final PartnershipView partnership) {
        return partnership.instruments().stream().filter(instrument -> instrument.getType() == InstrumentType.SDP)
                .findFirst().orElseThrow();
    }
}
