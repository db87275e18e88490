package eu.partnershiptracker.benchmark.postgres;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One instrument's status over the days it held, as the PostgreSQL comparison stores it: one row of the temporal table.
 *
 * <p>The valid range is half-open, like PostgreSQL's default {@code daterange} bounds {@code '[)'}: the status holds
 * from {@code validFrom} inclusive until {@code validTo} exclusive, which is the day the next status took over. A null
 * {@code validTo} means the status still holds (open-ended). {@code validTo} equal to {@code validFrom} is an empty range,
 * a status superseded on its first day, which no as-of lookup returns; {@code validTo} before {@code validFrom} is an
 * error.
 */
public record InstrumentStatusRow(String partnership, String instrumentType, String instrumentKey, String status,
        LocalDate validFrom, LocalDate validTo) {

    public InstrumentStatusRow {
        Objects.requireNonNull(partnership, "partnership");
        Objects.requireNonNull(instrumentType, "instrumentType");
        Objects.requireNonNull(instrumentKey, "instrumentKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(validFrom, "validFrom");
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("instrument status row ends before it starts: validTo " + validTo
                    + " is before validFrom " + validFrom + " in partnership " + partnership + ", instrument "
                    + instrumentType + " " + instrumentKey + ", status " + status);
        }
    }
}
