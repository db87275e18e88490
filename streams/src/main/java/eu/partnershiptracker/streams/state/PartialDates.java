package eu.partnershiptracker.streams.state;

import eu.partnershiptracker.model.PartialDate;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** A PartialDate read as the period it names: a day, a calendar month or a calendar year. */
public final class PartialDates {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");
    private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("uuuu");

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

    /** The date as a source states it: 2024, 2024-05 or 2024-05-21. */
    public static String format(final PartialDate date) {
        return switch (date.getPrecision()) {
            case DAY -> date.getDate().toString();
            case MONTH -> MONTH.format(date.getDate());
            case YEAR -> YEAR.format(date.getDate());
        };
    }
}
