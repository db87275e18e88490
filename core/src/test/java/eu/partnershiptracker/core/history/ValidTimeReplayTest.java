package eu.partnershiptracker.core.history;

import static eu.partnershiptracker.core.testing.TestEvents.corrects;
import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.core.testing.TestEvents.timeline;
import static eu.partnershiptracker.model.Certainty.CERTAIN;
import static eu.partnershiptracker.model.Certainty.POSSIBLE;
import static eu.partnershiptracker.model.EventKind.ENTERED_INTO_FORCE;
import static eu.partnershiptracker.model.EventKind.NEGOTIATIONS_LAUNCHED;
import static eu.partnershiptracker.model.EventKind.SIGNED;
import static eu.partnershiptracker.model.InstrumentType.FPA;
import static eu.partnershiptracker.model.InstrumentType.SDP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.core.fold.PartnershipFold;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentTransition;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidTimeReplayTest {

    private final Timeline fpa = timeline(
            event("in-force", FPA, ENTERED_INTO_FORCE, "2023-06"),
            event("signed-wrong", FPA, SIGNED, "2022-01-10"),
            event("talks", FPA, NEGOTIATIONS_LAUNCHED, "2021"),
            event("signed", FPA, SIGNED, "2023-05-21").setCorrection(corrects("signed-wrong")),
            event("in-force-again", FPA, ENTERED_INTO_FORCE, "2023-06"));

    @Test
    void stepsFollowTheEffectiveFactsInDateOrder() {
        final List<HistoryStep> steps = ValidTimeReplay.replay(fpa, null, null);

        assertThat(steps).extracting(HistoryStep::date, HistoryStep::eventIds).containsExactly(
                tuple(LocalDate.of(2021, 1, 1), List.of("talks")),
                tuple(LocalDate.of(2023, 5, 21), List.of("signed")),
                tuple(LocalDate.of(2023, 6, 1), List.of("in-force", "in-force-again")));
        assertThat(steps).extracting(step -> step.transitions().get(0)).containsExactly(
                new InstrumentTransition(FPA, null, null, InstrumentStatus.NEGOTIATING, null, CERTAIN),
                new InstrumentTransition(FPA, null, InstrumentStatus.NEGOTIATING, InstrumentStatus.SIGNED, CERTAIN, CERTAIN),
                new InstrumentTransition(FPA, null, InstrumentStatus.SIGNED, InstrumentStatus.IN_FORCE, CERTAIN, CERTAIN));
        assertThat(steps.get(1).state()).isEqualTo(PartnershipFold.stateAsOf(fpa, LocalDate.of(2023, 5, 21)));
    }

    @Test
    void aWindowStartsFromTheStateJustBeforeIt() {
        final List<HistoryStep> steps = ValidTimeReplay.replay(fpa, LocalDate.of(2023, 6, 1), LocalDate.of(2030, 1, 1));

        assertThat(steps).singleElement().satisfies(step -> assertThat(step.transitions())
                .containsExactly(new InstrumentTransition(FPA, null, InstrumentStatus.SIGNED, InstrumentStatus.IN_FORCE, CERTAIN, CERTAIN)));
        assertThat(ValidTimeReplay.replay(fpa, LocalDate.of(2021, 1, 2), LocalDate.of(2023, 5, 20))).isEmpty();
        assertThatThrownBy(() -> ValidTimeReplay.replay(fpa, LocalDate.of(2024, 1, 1), LocalDate.of(2023, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBoundedStepMakesAStepWhenItBecomesPossibleAndAnotherWhenItBecomesCertain() {
        final Timeline sdp = timeline(event("sdp", SDP, SIGNED, "2000").setEventDate(null)
                .setDateBounds(DateClaim.parse("[2024-07-12..2025-08]").bounds()));

        assertThat(ValidTimeReplay.replay(sdp, null, null)).extracting(HistoryStep::date, step -> step.transitions()
                .get(0)).containsExactly(
                        tuple(LocalDate.of(2024, 7, 12),
                                new InstrumentTransition(SDP, null, null, InstrumentStatus.SIGNED, null, POSSIBLE)),
                        tuple(LocalDate.of(2025, 8, 31), new InstrumentTransition(SDP, null, InstrumentStatus.SIGNED,
                                InstrumentStatus.SIGNED, POSSIBLE, CERTAIN)));
    }
}
