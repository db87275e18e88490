package eu.partnershiptracker.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.Certainty;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PartnershipState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Status filters and counts take certain steps by default, and possible ones too with ANY. */
class CertaintyFilterTest {

    private static final InstrumentState CERTAINLY_SIGNED = instrument(InstrumentStatus.SIGNED, Certainty.CERTAIN, null);
    private static final InstrumentState POSSIBLY_SIGNED = instrument(InstrumentStatus.SIGNED, Certainty.POSSIBLE, null);
    private static final InstrumentState NEGOTIATING_MAYBE_SIGNED =
            instrument(InstrumentStatus.NEGOTIATING, Certainty.CERTAIN, InstrumentStatus.SIGNED);

    @Test
    void certainMatchesOnlyACertainStatus() {
        assertThat(CertaintyFilter.CERTAIN.matches(CERTAINLY_SIGNED, InstrumentStatus.SIGNED)).isTrue();
        assertThat(CertaintyFilter.CERTAIN.matches(POSSIBLY_SIGNED, InstrumentStatus.SIGNED)).isFalse();
        assertThat(CertaintyFilter.CERTAIN.matches(NEGOTIATING_MAYBE_SIGNED, InstrumentStatus.SIGNED)).isFalse();
        assertThat(CertaintyFilter.CERTAIN.matches(NEGOTIATING_MAYBE_SIGNED, InstrumentStatus.NEGOTIATING)).isTrue();
    }

    @Test
    void anyMatchesAPossibleStatusToo() {
        assertThat(CertaintyFilter.ANY.matches(CERTAINLY_SIGNED, InstrumentStatus.SIGNED)).isTrue();
        assertThat(CertaintyFilter.ANY.matches(POSSIBLY_SIGNED, InstrumentStatus.SIGNED)).isTrue();
        assertThat(CertaintyFilter.ANY.matches(NEGOTIATING_MAYBE_SIGNED, InstrumentStatus.SIGNED)).isTrue();
        assertThat(CertaintyFilter.ANY.matches(NEGOTIATING_MAYBE_SIGNED, InstrumentStatus.NEGOTIATING)).isTrue();
        assertThat(CertaintyFilter.ANY.matches(POSSIBLY_SIGNED, InstrumentStatus.IN_FORCE)).isFalse();
    }

    @Test
    void countsTakeTheCertainStatusOrWithAnyTheHighestStep() {
        assertThat(CertaintyFilter.CERTAIN.status(POSSIBLY_SIGNED)).isEmpty();
        assertThat(CertaintyFilter.CERTAIN.status(NEGOTIATING_MAYBE_SIGNED)).contains(InstrumentStatus.NEGOTIATING);
        assertThat(CertaintyFilter.ANY.status(POSSIBLY_SIGNED)).contains(InstrumentStatus.SIGNED);
        assertThat(CertaintyFilter.ANY.status(NEGOTIATING_MAYBE_SIGNED)).isEqualTo(Optional.of(InstrumentStatus.SIGNED));
        assertThat(CertaintyFilter.ofHighestStep(CERTAINLY_SIGNED)).isEqualTo(Certainty.CERTAIN);
        assertThat(CertaintyFilter.ofHighestStep(POSSIBLY_SIGNED)).isEqualTo(Certainty.POSSIBLE);
        assertThat(CertaintyFilter.ofHighestStep(NEGOTIATING_MAYBE_SIGNED)).isEqualTo(Certainty.POSSIBLE);
    }

    @Test
    void aPartnershipFilterMatchesStatusAsItsCertaintySays() {
        final PartnershipState state = PartnershipState.newBuilder().setActor(Actor.EU).setCounterpart("JP")
                .setInstruments(List.of(NEGOTIATING_MAYBE_SIGNED)).build();
        assertThat(new PartnershipFilter(null, InstrumentType.SDP, InstrumentStatus.SIGNED, CertaintyFilter.CERTAIN)
                .keeps(state)).isFalse();
        assertThat(new PartnershipFilter(null, InstrumentType.SDP, InstrumentStatus.SIGNED, CertaintyFilter.ANY)
                .keeps(state)).isTrue();
        assertThat(new PartnershipFilter(null, InstrumentType.FPA, InstrumentStatus.SIGNED, CertaintyFilter.ANY)
                .keeps(state)).isFalse();
        assertThat(PartnershipFilter.ALL.keeps(state)).isTrue();
    }

    @Test
    void parsesEitherCaseAndNamesTheChoices() {
        assertThat(CertaintyFilter.parse("any")).isEqualTo(CertaintyFilter.ANY);
        assertThat(CertaintyFilter.parse(" Certain ")).isEqualTo(CertaintyFilter.CERTAIN);
        assertThatThrownBy(() -> CertaintyFilter.parse("maybe")).hasMessage("'maybe' is not one of CERTAIN, ANY");
    }

    private static InstrumentState instrument(final InstrumentStatus status, final Certainty certainty,
            final InstrumentStatus possibleStatus) {
        return InstrumentState.newBuilder().setType(InstrumentType.SDP).setStatus(status).setCertainty(certainty)
                .setPossibleStatus(possibleStatus).build();
    }
}
