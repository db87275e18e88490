package eu.partnershiptracker.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.partnershiptracker.model.Certainty;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateClaimTest {

    private static final DateClaim JAPAN_SDP = DateClaim.parse("[2024-07-12..2025-08]");

    @Test
    void aBoundedStepIsAbsentThenPossibleThenCertainFromTheEndOfItsUpperBound() {
        assertThat(JAPAN_SDP.certaintyOn(LocalDate.of(2024, 7, 11))).isEmpty();
        assertThat(JAPAN_SDP.certaintyOn(LocalDate.of(2024, 7, 12))).contains(Certainty.POSSIBLE);
        assertThat(JAPAN_SDP.certaintyOn(LocalDate.of(2024, 9, 1))).contains(Certainty.POSSIBLE);
        assertThat(JAPAN_SDP.certaintyOn(LocalDate.of(2025, 8, 30))).contains(Certainty.POSSIBLE);
        assertThat(JAPAN_SDP.certaintyOn(LocalDate.of(2025, 8, 31))).contains(Certainty.CERTAIN);
    }

    @Test
    void aLowerBoundTakesEffectAtTheStartOfItsPeriod() {
        final DateClaim decade = DateClaim.parse("[2012..2022]");

        assertThat(decade.certaintyOn(LocalDate.of(2011, 12, 31))).isEmpty();
        assertThat(decade.certaintyOn(LocalDate.of(2012, 1, 1))).contains(Certainty.POSSIBLE);
        assertThat(decade.certaintyOn(LocalDate.of(2022, 12, 31))).contains(Certainty.CERTAIN);
    }

    @Test
    void openBoundsArePossibleFromTheBeginningOrNeverCertain() {
        assertThat(DateClaim.parse("[..2025-08]").certaintyOn(LocalDate.of(1950, 1, 1))).contains(Certainty.POSSIBLE);
        assertThat(DateClaim.parse("[2024..]").certaintyOn(LocalDate.of(2099, 1, 1))).contains(Certainty.POSSIBLE);
        assertThat(DateClaim.parse("[2024..]").certaintyOn(null)).contains(Certainty.POSSIBLE);
        assertThat(DateClaim.parse("[..2025-08]").certaintyOn(null)).contains(Certainty.CERTAIN);
    }

    @Test
    void anExactButCoarseDateCountsFromTheFirstDayOfItsPeriodAndKeepsItsPrecision() {
        final DateClaim may = DateClaim.parse("2024-05");

        assertThat(may.certaintyOn(LocalDate.of(2024, 4, 30))).isEmpty();
        assertThat(may.certaintyOn(LocalDate.of(2024, 5, 1))).contains(Certainty.CERTAIN);
        assertThat(may.format()).isEqualTo("2024-05");
        assertThat(may.isBounded()).isFalse();
    }

    @Test
    void writesWhatItReads() {
        for (final String text : new String[] {"2024", "2024-05", "2024-05-21", "[2024-07-12..2025-08]", "[..2025-08]",
                "[2012..2022]", "[2024..]"}) {
            assertThat(DateClaim.parse(text).format()).isEqualTo(text);
        }
    }

    @Test
    void claimsAgreeWhenTheyAllowACommonDay() {
        assertThat(DateClaim.parse("2025-03-10").agreesWith(DateClaim.parse("[..2025-08]"))).isTrue();
        assertThat(DateClaim.parse("2025-10").agreesWith(DateClaim.parse("[..2025-08]"))).isFalse();
        assertThat(DateClaim.parse("2014").agreesWith(DateClaim.parse("2016-12-01"))).isFalse();
        assertThat(DateClaim.parse("2024-05").agreesWith(DateClaim.parse("2024-05-21"))).isTrue();
        assertThat(DateClaim.parse("[2024..2025]").narrowedBy(DateClaim.parse("[2024-07-12..]")))
                .isEqualTo(DateClaim.parse("[2024-07-12..2025]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[..]", "[2025..2024]", "[2024-13..]", "[2024-02-30..2025]", "2024/2025", "[2024 2025]",
            "[..20245]"})
    void refusesWhatIsNotADateOrBounds(final String text) {
        assertThatThrownBy(() -> DateClaim.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("(?s).*'.+'.*");
    }

    @Test
    void boundsHaveTheirOwnFirstAndLastDays() {
        assertThat(JAPAN_SDP.possibleFrom()).contains(LocalDate.of(2024, 7, 12));
        assertThat(JAPAN_SDP.certainFrom()).contains(LocalDate.of(2025, 8, 31));
        assertThat(DateClaim.parse("[2024..]").certainFrom()).isEqualTo(Optional.empty());
    }
}
