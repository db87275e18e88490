package eu.partnershiptracker.benchmark.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A row's valid range is half-open: it may be empty or open-ended, but never end before it starts. */
class InstrumentStatusRowTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    @Test
    void rowEndingBeforeItStartsIsRejectedWithItsName() {
        assertThatThrownBy(() -> new InstrumentStatusRow("EU-NATO", "agreement", "joint-declaration", "in-force", DAY,
                DAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EU-NATO")
                .hasMessageContaining("joint-declaration")
                .hasMessageContaining("validTo 2024-02-29 is before validFrom 2024-03-01");
    }

    @Test
    void emptyAndOpenEndedRangesAreAllowed() {
        assertThat(new InstrumentStatusRow("EU-NATO", "agreement", "k", "signed", DAY, DAY).validTo()).isEqualTo(DAY);
        assertThat(new InstrumentStatusRow("EU-NATO", "agreement", "k", "signed", DAY, null).validTo()).isNull();
    }
}
