package eu.partnershiptracker.events;

import eu.partnershiptracker.model.DatePrecision;
import eu.partnershiptracker.model.PartialDate;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads the date forms of event files ({@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD}); the form is the precision.
 *
 * <p>Resolution is strict, so that {@code 2024-02-30} is an error rather than quietly becoming 1 March.
 */
public final class EventDates {

    /** Earliest and latest plausible years: a typo such as 20024 is an error, not a far-future event. */
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2100;

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT_DAY =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private EventDates() {
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
                date = new PartialDate(LocalDate.parse(value, STRICT_DAY), DatePrecision.DAY);
            } else if (MONTH.matcher(value).matches()) {
                date = new PartialDate(LocalDate.parse(value + "-01", STRICT_DAY), DatePrecision.MONTH);
            } else if (YEAR.matcher(value).matches()) {
                date = new PartialDate(LocalDate.parse(value + "-01-01", STRICT_DAY), DatePrecision.YEAR);
            } else {
                throw new IllegalArgumentException("'" + value + "' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
            }
        } catch (final DateTimeParseException e) {
            throw new IllegalArgumentException("impossible date '" + value + "'", e);
        }
        final int year = date.getDate().getYear();
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException(
                    "impossible date '" + value + "': the year must be between " + MIN_YEAR + " and " + MAX_YEAR);
        }
        return date;
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
}
