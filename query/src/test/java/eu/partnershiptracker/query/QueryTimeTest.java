package eu.partnershiptracker.query;

import static eu.partnershiptracker.core.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.testing.TestEvents;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PartnershipState;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Partial as-of dates, known-at instants, and the transaction-time cut a query makes before folding. */
class QueryTimeTest {

    /** TestEvents records the first event at this instant and each next one a second later. */
    private static final Instant FIRST_RECORDED = Instant.ofEpochSecond(1_700_000_000L);

    @Test
    void aYearOrAMonthAsOfMeansItsLastDay() {
        assertThat(QueryTime.parseAsOf("2024")).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(QueryTime.parseAsOf("2024-02")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(QueryTime.parseAsOf(" 2024-05-21 ")).isEqualTo(LocalDate.of(2024, 5, 21));
        assertThatThrownBy(() -> QueryTime.parseAsOf("2024-02-30")).hasMessageContaining("'2024-02-30'");
        assertThatThrownBy(() -> QueryTime.parseAsOf("yesterday")).hasMessageContaining("YYYY, YYYY-MM or YYYY-MM-DD");
    }

    @Test
    void knownAtTakesAnInstantOrTheEndOfAPeriodInUtc() {
        assertThat(QueryTime.parseKnownAt("2025-01-31T12:00:00Z")).isEqualTo(Instant.parse("2025-01-31T12:00:00Z"));
        assertThat(QueryTime.parseKnownAt("2025-01-31T13:00:00+01:00"))
                .isEqualTo(Instant.parse("2025-01-31T12:00:00Z"));
        assertThat(QueryTime.parseKnownAt("2024")).isEqualTo(Instant.parse("2024-12-31T23:59:59.999999999Z"));
        assertThat(QueryTime.parseKnownAt("2024-02")).isEqualTo(Instant.parse("2024-02-29T23:59:59.999999999Z"));
        assertThatThrownBy(() -> QueryTime.parseKnownAt("2025-01-31T12:00:00"))
                .hasMessageContaining("'2025-01-31T12:00:00' is not an instant");
        assertThatThrownBy(() -> QueryTime.parseKnownAt("soon")).hasMessageContaining("'soon' is not an instant");
    }

    @Test
    void theStateKnownAtAnInstantHasOnlyTheEventsRecordedUpToIt() {
        final Timeline timeline = TestEvents.timeline(
                event("neg", InstrumentType.SDP, EventKind.NEGOTIATIONS_LAUNCHED, "2023-05"),
                event("sign", InstrumentType.SDP, EventKind.SIGNED, "2024-11-01"));

        final PartnershipState then = new QueryTime(null, FIRST_RECORDED).state(timeline);
        assertThat(then.getInstruments().get(0).getStatus()).isEqualTo(InstrumentStatus.NEGOTIATING);
        assertThat(then.getKnownAt()).isEqualTo(FIRST_RECORDED);
        assertThat(then.getLastEventId()).isEqualTo("neg");

        final PartnershipState now = QueryTime.NOW.state(timeline);
        assertThat(now.getInstruments().get(0).getStatus()).isEqualTo(InstrumentStatus.SIGNED);
        assertThat(now.getKnownAt()).isNull();

        assertThat(new QueryTime(null, FIRST_RECORDED.minusMillis(1)).state(timeline)).isNull();
        assertThat(new QueryTime(LocalDate.of(2023, 4, 30), null).state(timeline)).isNull();
    }
}
