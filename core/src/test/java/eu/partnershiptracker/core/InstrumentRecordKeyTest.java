package eu.partnershiptracker.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.partnershiptracker.core.fold.InstrumentId;
import eu.partnershiptracker.model.InstrumentType;
import org.junit.jupiter.api.Test;

class InstrumentRecordKeyTest {

    @Test
    void anInstrumentWithoutAKeyIsNamedByItsType() {
        final String key = InstrumentRecordKey.of("EU:JP", new InstrumentId(InstrumentType.FPA, null));

        assertThat(key).isEqualTo("EU:JP|FPA");
        assertThat(InstrumentRecordKey.parse(key)).isEqualTo(new InstrumentRecordKey(new PartnershipKey("EU", "JP"),
                new InstrumentId(InstrumentType.FPA, null)));
    }

    @Test
    void theInstrumentKeyComesLastAndMayHoldTheSeparator() {
        final InstrumentId declaration = new InstrumentId(InstrumentType.JOINT_DECLARATION, "2016|bis");
        final String key = InstrumentRecordKey.of("NATO:UA", declaration);

        assertThat(key).isEqualTo("NATO:UA|JOINT_DECLARATION|2016|bis");
        assertThat(InstrumentRecordKey.parse(key).instrument()).isEqualTo(declaration);
        assertThat(InstrumentRecordKey.parse("NATO:UA|JOINT_DECLARATION|").instrument().key()).isEmpty();
    }

    @Test
    void aKeyThatIsNotAnInstrumentOfAPartnershipIsAnErrorThatQuotesIt() {
        assertThatThrownBy(() -> InstrumentRecordKey.parse("EU:JP"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'EU:JP' is not an instrument of a partnership");
        assertThatThrownBy(() -> InstrumentRecordKey.parse("EU:JP|TREATY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'EU:JP|TREATY' names no instrument type 'TREATY'");
        assertThatThrownBy(() -> InstrumentRecordKey.parse("EUJP|FPA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'EUJP' is not a partnership");
    }
}
