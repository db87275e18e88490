package eu.partnershiptracker.core.fold;

import static eu.partnershiptracker.core.testing.TestEvents.date;
import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.core.testing.TestEvents.timeline;
import static eu.partnershiptracker.model.EventKind.ENTERED_INTO_FORCE;
import static eu.partnershiptracker.model.EventKind.EXPLORATORY_TALKS_STARTED;
import static eu.partnershiptracker.model.EventKind.SIGNED;
import static eu.partnershiptracker.model.InstrumentType.FPA;
import static eu.partnershiptracker.model.InstrumentType.SDP;
import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.model.Certainty;
import eu.partnershiptracker.model.Conflict;
import eu.partnershiptracker.model.ConflictType;
import eu.partnershiptracker.model.DateBounds;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PartnershipState;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.model.StepOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The specification of dates known by bounds, claims resolved per fact, orders and knownAt, as the fold answers. */
class BoundedFoldTest {

    private static PolicyEvent.Builder bounded(final String id, final String partnership,
            final InstrumentType type, final EventKind kind,
            final String bounds) {
        return event(id, partnership, type, kind, "2000").setEventDate(null)
                .setDateBounds(DateClaim.parse(bounds).bounds());
    }

    private static final PolicyEvent.Builder JAPAN_SDP =
            bounded("eu-jp-sdp-signed", "EU:JP", SDP, SIGNED, "[2024-07-12..2025-08]");

    private static InstrumentState only(final PartnershipState state) {
        assertThat(state.getInstruments()).hasSize(1);
        return state.getInstruments().get(0);
    }

    @Test
    void asOfABoundedStepIsAbsentThenPossibleThenCertain() {
        final Timeline timeline = timeline(JAPAN_SDP);

        assertThat(PartnershipFold.stateAsOf(timeline, LocalDate.of(2024, 7, 11))).isNull();
        final InstrumentState possible = only(PartnershipFold.stateAsOf(timeline, LocalDate.of(2024, 9, 1)));
        assertThat(possible.getStatus()).isEqualTo(InstrumentStatus.SIGNED);
        assertThat(possible.getCertainty()).isEqualTo(Certainty.POSSIBLE);
        assertThat(possible.getStatusSince()).isNull();
        assertThat(possible.getNotBefore()).isEqualTo(date("2024-07-12"));
        assertThat(possible.getNotAfter()).isEqualTo(date("2025-08"));
        assertThat(possible.getSignedOn()).isNull();
        final InstrumentState certain = only(PartnershipFold.stateAsOf(timeline, LocalDate.of(2025, 8, 31)));
        assertThat(certain.getCertainty()).isEqualTo(Certainty.CERTAIN);
        assertThat(certain.getStatus()).isEqualTo(InstrumentStatus.SIGNED);
        assertThat(only(PartnershipFold.stateAsOf(timeline, null)).getCertainty()).isEqualTo(Certainty.CERTAIN);
    }

    @Test
    void aCertainStepKeepsTheStatusAndALaterPossibleStepIsListedBesideIt() {
        final Timeline timeline = timeline(
                event("talks", "EU:AU", SDP, EXPLORATORY_TALKS_STARTED, "2024-11"),
                bounded("signed", "EU:AU", SDP, SIGNED, "[2025-01..2025-12]"));

        final InstrumentState sdp = only(PartnershipFold.stateAsOf(timeline, LocalDate.of(2025, 6, 1)));

        assertThat(sdp.getStatus()).isEqualTo(InstrumentStatus.EXPLORATORY_TALKS);
        assertThat(sdp.getCertainty()).isEqualTo(Certainty.CERTAIN);
        assertThat(sdp.getStatusSince()).isEqualTo(date("2024-11"));
        assertThat(sdp.getPossibleStatus()).isEqualTo(InstrumentStatus.SIGNED);
        assertThat(sdp.getPossibleBounds()).isEqualTo(new DateBounds(date("2025-01"), date("2025-12")));
        assertThat(only(PartnershipFold.stateAsOf(timeline, LocalDate.of(2025, 12, 31))).getPossibleStatus()).isNull();
    }

    @Test
    void claimsAreResolvedBeforeValidTimeSoADateBeforeEveryClaimStillShowsTheConflict() {
        final Timeline timeline = timeline(
                event("kr-signed", "EU:KR", FPA, SIGNED, "2014-05-23"),
                event("kr-in-force-prose", "EU:KR", FPA, ENTERED_INTO_FORCE, "2014"),
                event("kr-in-force-annex", "EU:KR", FPA, ENTERED_INTO_FORCE, "2016-12-01"));

        final PartnershipState in2015 = PartnershipFold.stateAsOf(timeline, LocalDate.of(2015, 6, 1));
        assertThat(only(in2015).getStatus()).as("the 2014 claim lost, so 2015 is before entry into force")
                .isEqualTo(InstrumentStatus.SIGNED);
        assertThat(in2015.getConflicts()).extracting(Conflict::getChosenEventId).containsExactly("kr-in-force-annex");

        final PartnershipState in2010 = PartnershipFold.stateAsOf(timeline, LocalDate.of(2010, 1, 1));
        assertThat(in2010.getInstruments()).isEmpty();
        assertThat(in2010.getConflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.getType()).isEqualTo(ConflictType.DATES);
            assertThat(conflict.getClaims()).hasSize(2);
        });
        assertThat(only(PartnershipFold.stateAsOf(timeline, LocalDate.of(2016, 12, 1))).getInForceFrom())
                .isEqualTo(date("2016-12-01"));
    }

    @Test
    void anExactClaimInsideBoundsAgreesAndWinsOneOutsideThemIsAConflict() {
        final PolicyEvent.Builder bound = bounded("bound", "EU:GB", SDP, SIGNED, "[..2025-08]");

        final PartnershipState inside = PartnershipFold.stateAsOf(
                timeline(bound, event("exact", "EU:GB", SDP, SIGNED, "2025-05-19")), LocalDate.of(2025, 6, 1));
        assertThat(inside.getConflicts()).isEmpty();
        assertThat(only(inside).getStatusSince()).isEqualTo(date("2025-05-19"));
        assertThat(only(inside).getCertainty()).isEqualTo(Certainty.CERTAIN);

        final PartnershipState outside = PartnershipFold.stateAsOf(
                timeline(bound, event("late", "EU:GB", SDP, SIGNED, "2025-10")), null);
        assertThat(outside.getConflicts()).extracting(Conflict::getChosenEventId).containsExactly("late");
    }

    @Test
    void boundedClaimsOfOneFactNarrowEachOther() {
        final PartnershipState state = PartnershipFold.stateAsOf(timeline(
                bounded("upper", "EU:KR", SDP, SIGNED, "[..2025-08]"),
                bounded("lower", "EU:KR", SDP, SIGNED, "[2024-07-12..]")), LocalDate.of(2025, 1, 1));

        assertThat(state.getConflicts()).isEmpty();
        assertThat(only(state).getNotBefore()).isEqualTo(date("2024-07-12"));
        assertThat(only(state).getNotAfter()).isEqualTo(date("2025-08"));
    }

    @Test
    void anOrderThatContradictsAStatedDateIsAConflictOfItsOwnKind() {
        final StepOrder order = new StepOrder("sdp-order-003", "003.txt", "by date of signature: Norway, Moldova", null,
                "EU:NO SDP SIGNED < EU:MD SDP SIGNED",
                List.of("EU:NO SDP SIGNED (2024-06) is stated before EU:MD SDP SIGNED (2024-05)."));
        final PartnershipState state = PartnershipFold.stateAsOf(
                timeline(event("eu-no-sdp-signed", "EU:NO", SDP, SIGNED, "2024-06").setOrders(List.of(order))),
                LocalDate.of(2020, 1, 1));

        assertThat(state.getConflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.getType()).isEqualTo(ConflictType.ORDER);
            assertThat(conflict.getChosenEventId()).isEqualTo("eu-no-sdp-signed");
            assertThat(conflict.getClaims().get(1).getStatement()).contains("before EU:MD");
        });
    }

    @Test
    void orderBoundsOverrideTheStatedBoundsForValidTime() {
        final Timeline timeline = timeline(bounded("kr", "EU:KR", SDP, SIGNED, "[..2025-08]")
                .setOrderBounds(new DateBounds(date("2024-06"), date("2025-08"))));

        assertThat(PartnershipFold.stateAsOf(timeline, LocalDate.of(2024, 5, 31))).isNull();
        assertThat(only(PartnershipFold.stateAsOf(timeline, LocalDate.of(2024, 6, 1))).getCertainty())
                .isEqualTo(Certainty.POSSIBLE);
    }

    @Test
    void knownAtAnswersFromTheEventsRecordedByThen() {
        final Timeline timeline = timeline(
                event("signed", "EU:JP", SDP, SIGNED, "2024-11-01"),
                event("in-force", "EU:JP", SDP, ENTERED_INTO_FORCE, "2024-11-01"));
        final Instant betweenTheTwo = timeline.entries().get(0).recordedAt();

        final PartnershipState then = PartnershipFold.stateAsOf(timeline, null, betweenTheTwo);
        assertThat(only(then).getStatus()).isEqualTo(InstrumentStatus.SIGNED);
        assertThat(then.getKnownAt()).isEqualTo(betweenTheTwo);
        assertThat(PartnershipFold.stateAsOf(timeline, null, betweenTheTwo.minusSeconds(1))).isNull();
        assertThat(only(PartnershipFold.stateAsOf(timeline, null, null)).getStatus())
                .isEqualTo(InstrumentStatus.IN_FORCE);
    }
}
