package eu.partnershiptracker.core;

import eu.partnershiptracker.model.DatePrecision;
import eu.partnershiptracker.model.PartialDate;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one home of the project's date rules: reading and writing the three forms a date may take ({@code YYYY},
 * {@code YYYY-MM}, {@code YYYY-MM-DD}, the form being the precision), reading a calendar day strictly, and the period a
 * {@link PartialDate} names.
 *
 * <p>Parsing is java.time's ISO parsing, which resolves strictly, so that {@code 2024-02-30} is an error rather than
 * quietly becoming 1 March.
 */
public final class PartialDates {

    /** Earliest and latest plausible years: a typo such as 20024 is an error, not a far-future event. */
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2100;

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private PartialDates() {
    }

    /**
     * Parses a date in one of the three forms.
     *
     * @throws IllegalArgumentException with a message fit for a curator when the text is not a real date
     */
    public static PartialDate parse(final String text) {
        Objects.requireNonNull(text, "text");
        final String value = text.strip();
        final PartialDate date;
        try {
            if (DAY.matcher(value).matches()) {
                date = new PartialDate(LocalDate.parse(value), DatePrecision.DAY);
            } else if (MONTH.matcher(value).matches()) {
                date = new PartialDate(YearMonth.parse(value).atDay(1), DatePrecision.MONTH);
            } else if (YEAR.matcher(value).matches()) {
                date = new PartialDate(Year.parse(value).atDay(1), DatePrecision.YEAR);
            } else {
                throw new IllegalArgumentException("'" + value + "' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
            }
        } catch (final DateTimeException e) {
            throw new IllegalArgumentException("impossible date '" + value + "'", e);
        }
        final int year = date.getDate().getYear();
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException(
                    "impossible date '" + value + "': the year must be between " + MIN_YEAR + " and " + MAX_YEAR);
        }
        return date;
    }

    /**
     * Parses a calendar day, {@code YYYY-MM-DD}, as the API's and the command line's date parameters take it.
     *
     * @throws IllegalArgumentException saying {@code 'x' is not a date (YYYY-MM-DD)}
     */
    public static LocalDate parseDay(final String text) {
        Objects.requireNonNull(text, "text");
        try {
            return LocalDate.parse(text.strip());
        } catch (final DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date (YYYY-MM-DD)", e);
        }
    }

    /** Renders a date in the form its precision allows, never showing a day or month the source did not state. */
    public static String format(final PartialDate date) {
        Objects.requireNonNull(date, "date");
        final String full = date.getDate().toString();
        return switch (date.getPrecision()) {
            case DAY -> full;
            case MONTH -> full.substring(0, 7);
            case YEAR -> full.substring(0, 4);
        };
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
