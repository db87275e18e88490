package eu.partnershiptracker.streams.state;

import eu.partnershiptracker.model.PartialDate;
import java.time.LocalDate;
import java.util.Objects;

/** A PartialDate read as the period it names: a day, a calendar month or a calendar year. */
public final class PartialDates {

    private PartialDates() {
    }

    /** The last day of the period. */
    public static LocalDate lastDay(final PartialDate date) {
        final LocalDate first = date.getDate();
        return switch (date.getPrecision()) {
            case DAY -> first;
            case MONTH -> first.plusMonths(1).minusDays(1);
            case YEAR -> first.plusYears(1).minusDays(1);
        };
    }

    /** Whether the period of {@code outer} contains that of {@code inner} (a period contains itself). */
    public static boolean contains(final PartialDate outer, final PartialDate inner) {
        Objects.requireNonNull(outer, "outer");
        Objects.requireNonNull(inner, "inner");
        return !outer.getDate().isAfter(inner.getDate()) && !lastDay(inner).isAfter(lastDay(outer));
    }
}
