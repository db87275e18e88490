package eu.partnershiptracker.app.client;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a YYYY-MM-DD option strictly (2024-02-30 is an error); picocli names the option in its message. */
final class IsoDateConverter implements ITypeConverter<LocalDate> {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    @Override
    public LocalDate convert(final String value) {
        try {
            return LocalDate.parse(value.strip(), DAY);
        } catch (final DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
