package eu.partnershiptracker.benchmark.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.benchmark.postgres.InstrumentStatusRow;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.Certainty;
import eu.partnershiptracker.model.DatePrecision;
import eu.partnershiptracker.model.InstrumentCategory;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PartialDate;
import eu.partnershiptracker.query.PartnershipView;
import eu.partnershiptracker.query.StepView;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A replay becomes one row per instrument status with the days it held, half-open, the last one open. */
class InstrumentStatusRowsTest {

    private static final LocalDate FIRST = LocalDate.of(2001, 1, 1);
    private static final LocalDate SECOND = LocalDate.of(2003, 6, 1);
    private static final LocalDate THIRD = LocalDate.of(2005, 1, 1);

    @Test
    void aStatusHoldsUntilTheNextOneAndAnInstrumentThatGoesAwayIsClosed() {
        final List<StepView> steps = List.of(
                step(FIRST, instrument(InstrumentType.FPA, null, InstrumentStatus.NEGOTIATING)),
                step(SECOND, instrument(InstrumentType.FPA, null, InstrumentStatus.SIGNED),
                        instrument(InstrumentType.SECURITY_DEFENCE_DIALOGUE, "annual-dialogue", InstrumentStatus.ACTIVE)),
                step(THIRD, instrument(InstrumentType.FPA, null, InstrumentStatus.SIGNED)));

        assertThat(InstrumentStatusRows.of("EU:AAA", steps)).containsExactlyInAnyOrder(
                new InstrumentStatusRow("EU:AAA", "FPA", "", "NEGOTIATING", FIRST, SECOND),
                new InstrumentStatusRow("EU:AAA", "SECURITY_DEFENCE_DIALOGUE", "annual-dialogue", "ACTIVE", SECOND,
                        THIRD),
                new InstrumentStatusRow("EU:AAA", "FPA", "", "SIGNED", SECOND, null));
    }

    @Test
    void noStepsNoRows() {
        assertThat(InstrumentStatusRows.of("EU:AAA", List.of())).isEmpty();
    }

    private static StepView step(final LocalDate day, final InstrumentState... instruments) {
        final PartnershipView state = new PartnershipView("EU:AAA", Actor.EU, "AAA", null, day, null,
                List.of(instruments), List.of(), null, "e1", null);
        return new StepView(null, new PartialDate(day, DatePrecision.DAY), null, List.of("e1"), List.of(), state);
    }

    private static InstrumentState instrument(final InstrumentType type, final String key,
            final InstrumentStatus status) {
        return InstrumentState.newBuilder().setType(type).setKey(key).setName(null).setTitle(null)
                .setCategory(InstrumentCategory.PARTNERSHIP_INSTRUMENT).setStatus(status).setStatusSince(null)
                .setCertainty(Certainty.CERTAIN).setNotBefore(null).setNotAfter(null).setPossibleStatus(null)
                .setPossibleBounds(null).setSignedOn(null).setInForceFrom(null).setEventIds(List.of("e1")).build();
    }
}
