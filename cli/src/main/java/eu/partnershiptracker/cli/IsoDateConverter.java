package eu.partnershiptracker.cli;

import eu.partnershiptracker.core.PartialDates;
import java.time.LocalDate;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a YYYY-MM-DD option strictly (2024-02-30 is an error); picocli names the option in its message. */
final class IsoDateConverter implements ITypeConverter<LocalDate> {

    @Override
    public LocalDate convert(final String value) {
        try {
            return PartialDates.parseDay(value);
        } catch (final IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
