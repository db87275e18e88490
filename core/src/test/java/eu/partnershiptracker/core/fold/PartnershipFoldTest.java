package eu.partnershiptracker.core.fold;

import static eu.partnershiptracker.core.testing.TestEvents.corrects;
import static eu.partnershiptracker.core.testing.TestEvents.date;
import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.core.testing.TestEvents.retracts;
import static eu.partnershiptracker.core.testing.TestEvents.timeline;
import static eu.partnershiptracker.model.EventKind.ENTERED_INTO_FORCE;
import static eu.partnershiptracker.model.EventKind.HELD;
import static eu.partnershiptracker.model.EventKind.LAUNCHED;
import static eu.partnershiptracker.model.EventKind.NEGOTIATIONS_LAUNCHED;
import static eu.partnershiptracker.model.EventKind.SIGNED;
import static eu.partnershiptracker.model.EventKind.UNKNOWN;
import static eu.partnershiptracker.model.InstrumentType.FPA;
import static eu.partnershiptracker.model.InstrumentType.JOINT_DECLARATION;
import static eu.partnershiptracker.model.InstrumentType.SDP;
import static eu.partnershiptracker.model.InstrumentType.SECURITY_DEFENCE_DIALOGUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import eu.partnershiptracker.model.Conflict;
import eu.partnershiptracker.model.EntryStatus;
import eu.partnershiptracker.model.EventEntry;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.PartnershipState;
import eu.partnershiptracker.model.PolicyEvent;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PartnershipFoldTest {

    private static final PolicyEvent.Builder TALKS = event("fpa-talks", FPA, NEGOTIATIONS_LAUNCHED, "2021-03");
    private static final PolicyEvent.Builder SIGNING = event("fpa-signed", FPA, SIGNED, "2023-05-21");
    private static final PolicyEvent.Builder IN_FORCE = event("fpa-in-force", FPA, ENTERED_INTO_FORCE, "2023-05-21");

    @Test
    void statusIsTheHighestStageWhateverTheArrivalOrder() {
        final PartnershipState inOrder = PartnershipFold.stateAsOf(timeline(TALKS, SIGNING, IN_FORCE), null);
        final PartnershipState reversed = PartnershipFold.stateAsOf(timeline(IN_FORCE, SIGNING, TALKS), null);

        final InstrumentState fpa = inOrder.getInstruments().get(0);
        assertThat(fpa.getStatus()).isEqualTo(InstrumentStatus.IN_FORCE);
        assertThat(fpa.getStatusSince()).isEqualTo(date("2023-05-21"));
        assertThat(fpa.getSignedOn()).isEqualTo(date("2023-05-21"));
        assertThat(fpa.getInForceFrom()).isEqualTo(date("2023-05-21"));
        assertThat(reversed.getInstruments()).isEqualTo(inOrder.getInstruments());
        assertThat(reversed.getEvents()).extracting(EventEntry::getEventId)
                .containsExactly("fpa-talks", "fpa-signed", "fpa-in-force");
    }

    @Test
    void ordersByDateThenLifecycleThenPrecisionThenId() {
        final PartnershipState state = PartnershipFold.stateAsOf(timeline(
                event("b-year", SDP, LAUNCHED, "2023"),
                event("a-year", SDP, LAUNCHED, "2023"),
                event("in-force", FPA, ENTERED_INTO_FORCE, "2023-01-01"),
                event("signed", FPA, SIGNED, "2023-01-01"),
                event("signed-month", FPA, SIGNED, "2023-01"),
                event("earlier", JOINT_DECLARATION, SIGNED, "2022-12-31")), null);

        assertThat(state.getEvents()).extracting(EventEntry::getEventId)
                .containsExactly("earlier", "signed", "signed-month", "in-force", "a-year", "b-year");
    }

    @Test
    void anEventCountsFromTheFirstDayOfItsPeriod() {
        final var events = timeline(TALKS, event("sdp", SDP, SIGNED, "2024-05"));

        assertThat(PartnershipFold.stateAsOf(events, LocalDate.of(2021, 2, 28))).isNull();
        assertThat(PartnershipFold.stateAsOf(events, LocalDate.of(2021, 3, 1)).getInstruments())
                .extracting(InstrumentState::getType).containsExactly(FPA);
        assertThat(PartnershipFold.stateAsOf(events, LocalDate.of(2024, 4, 30)).getEvents()).hasSize(1);
        final PartnershipState may = PartnershipFold.stateAsOf(events, LocalDate.of(2024, 5, 1));
        assertThat(may.getAsOf()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(may.getInstruments()).extracting(InstrumentState::getType).containsExactly(SDP, FPA);
    }

    @Test
    void aCorrectionReplacesItsTargetEvenWhenItArrivesFirst() {
        final PolicyEvent.Builder wrong = event("signed-wrong", FPA, SIGNED, "2022-05-21");
        final PolicyEvent.Builder fix = event("signed-fix", FPA, SIGNED, "2023-05-21").setCorrection(corrects("signed-wrong"));

        final PartnershipState fixFirst = PartnershipFold.stateAsOf(timeline(fix, wrong), null);
        final PartnershipState fixLast = PartnershipFold.stateAsOf(timeline(wrong, fix), null);

        assertThat(fixFirst.getInstruments()).isEqualTo(fixLast.getInstruments());
        assertThat(fixFirst.getInstruments().get(0).getSignedOn()).isEqualTo(date("2023-05-21"));
        assertThat(fixFirst.getConflicts()).isEmpty();
        final EventEntry target = fixFirst.getEvents().get(0);
        assertThat(target.getEventId()).isEqualTo("signed-wrong");
        assertThat(target.getStatus()).isEqualTo(EntryStatus.CORRECTED);
        assertThat(target.getSupersededBy()).isEqualTo("signed-fix");
        // In valid time the corrected claim never held, even before the correction's own date.
        final PartnershipState before = PartnershipFold.stateAsOf(timeline(wrong, fix), LocalDate.of(2022, 12, 31));
        assertThat(before).isNull();
    }

    @Test
    void aRetractionRemovesItsTargetAndIsNoFactItself() {
        final PolicyEvent.Builder retraction =
                event("retract-talks", FPA, NEGOTIATIONS_LAUNCHED, "2024").setCorrection(retracts("fpa-talks"));

        final PartnershipState state = PartnershipFold.stateAsOf(timeline(retraction, TALKS, SIGNING), null);

        assertThat(state.getInstruments().get(0).getEventIds()).containsExactly("fpa-signed");
        assertThat(state.getEvents()).extracting(EventEntry::getEventId, EventEntry::getStatus, EventEntry::getSupersededBy)
                .containsExactly(
                        tuple("fpa-talks", EntryStatus.RETRACTED, "retract-talks"),
                        tuple("fpa-signed", EntryStatus.EFFECTIVE, null),
                        tuple("retract-talks", EntryStatus.EFFECTIVE, null));
        assertThat(PartnershipFold.stateAsOf(timeline(TALKS, retraction), null)).isNull();
        assertThat(PartnershipFold.auditTrail(timeline(retraction, TALKS)))
                .extracting(EventEntry::getEventId, EventEntry::getStatus, EventEntry::getSupersededBy)
                .containsExactly(tuple("fpa-talks", EntryStatus.RETRACTED, "retract-talks"),
                        tuple("retract-talks", EntryStatus.EFFECTIVE, null));
    }

    @Test
    void disjointDatesForOneFactAreAConflictAndTheFinestClaimWins() {
        final PartnershipState state = PartnershipFold.stateAsOf(timeline(
                event("signed-2023", FPA, SIGNED, "2023-07"),
                event("signed-2024", FPA, SIGNED, "2024-05-21"),
                event("signed-2024-too", FPA, SIGNED, "2024-05-21")), null);

        assertThat(state.getInstruments().get(0).getSignedOn()).isEqualTo(date("2024-05-21"));
        final Conflict conflict = state.getConflicts().get(0);
        assertThat(conflict.getKind()).isEqualTo(SIGNED);
        assertThat(conflict.getChosenEventId()).isEqualTo("signed-2024");
        assertThat(conflict.getClaims()).extracting(claim -> claim.getEventId())
                .containsExactly("signed-2023", "signed-2024", "signed-2024-too");
        assertThat(conflict.getRule()).contains("2023-07", "2024-05-21", "finest precision");
    }

    @Test
    void refinementsAndCorroborationsAreNoConflict() {
        final PartnershipState state = PartnershipFold.stateAsOf(timeline(
                event("signed-year", FPA, SIGNED, "2024"),
                event("signed-month", FPA, SIGNED, "2024-05"),
                event("signed-day", FPA, SIGNED, "2024-05-21"),
                event("signed-day-again", FPA, SIGNED, "2024-05-21")), null);

        assertThat(state.getConflicts()).isEmpty();
        assertThat(state.getInstruments().get(0).getSignedOn()).isEqualTo(date("2024-05-21"));
        assertThat(state.getInstruments().get(0).getStatusSince()).isEqualTo(date("2024-05-21"));
    }

    @Test
    void repeatableKindsNeverConflictAndStatusSinceIsTheEarliestAtTheTopStage() {
        final PartnershipState state = PartnershipFold.stateAsOf(timeline(
                event("held-2022", SECURITY_DEFENCE_DIALOGUE, HELD, "2022-06"),
                event("held-2021", SECURITY_DEFENCE_DIALOGUE, HELD, "2021"),
                event("note", SECURITY_DEFENCE_DIALOGUE, UNKNOWN, "2020")), null);

        final InstrumentState dialogue = state.getInstruments().get(0);
        assertThat(state.getConflicts()).isEmpty();
        assertThat(dialogue.getStatus()).isEqualTo(InstrumentStatus.ACTIVE);
        assertThat(dialogue.getStatusSince()).isEqualTo(date("2021"));
        assertThat(dialogue.getEventIds()).containsExactly("note", "held-2021", "held-2022");
    }

    @Test
    void onlyUnknownKindsLeaveTheStatusUnknown() {
        final PartnershipState state = PartnershipFold.stateAsOf(timeline(
                event("note-2", SDP, UNKNOWN, "2022"), event("note-1", SDP, UNKNOWN, "2021-02")), null);

        assertThat(state.getInstruments().get(0).getStatus()).isEqualTo(InstrumentStatus.UNKNOWN);
        assertThat(state.getInstruments().get(0).getStatusSince()).isEqualTo(date("2021-02"));
    }

    @Test
    void instrumentsAreSortedByTypeThenKeyAndLastRecordedNamesTheUpdate() {
        final PartnershipState state = PartnershipFold.stateAsOf(timeline(
                event("jd-2018", JOINT_DECLARATION, SIGNED, "2018-07-10").setInstrumentKey("2018"),
                event("fpa", FPA, SIGNED, "2010"),
                event("jd-2016", JOINT_DECLARATION, SIGNED, "2016-07-08").setInstrumentKey("2016")), null);

        assertThat(state.getInstruments()).extracting(InstrumentState::getType, InstrumentState::getKey)
                .containsExactly(tuple(FPA, null),
                        tuple(JOINT_DECLARATION, "2016"),
                        tuple(JOINT_DECLARATION, "2018"));
        assertThat(state.getLastEventId()).isEqualTo("jd-2016");
        assertThat(state.getUpdatedAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_002L));
    }

    @Test
    void transactionTimeViewForgetsWhatWasRecordedLater() {
        final PolicyEvent.Builder fix = event("signed-fix", FPA, SIGNED, "2023-05-21").setCorrection(corrects("fpa-signed"));
        final var events = timeline(SIGNING, fix);

        final PartnershipState known = PartnershipFold.stateAsOf(
                events.recordedUpTo(Instant.ofEpochSecond(1_700_000_000L)), null);

        assertThat(known.getEvents()).extracting(EventEntry::getStatus).containsExactly(EntryStatus.EFFECTIVE);
        assertThat(PartnershipFold.stateAsOf(events, null).getEvents()).extracting(EventEntry::getStatus)
                .containsExactly(EntryStatus.CORRECTED, EntryStatus.EFFECTIVE);
    }
}
