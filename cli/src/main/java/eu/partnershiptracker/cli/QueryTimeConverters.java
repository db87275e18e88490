package eu.partnershiptracker.cli;

import eu.partnershiptracker.query.CertaintyFilter;
import eu.partnershiptracker.query.QueryTime;
import java.time.Instant;
import java.time.LocalDate;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the options that say when and how surely a query looks, by the API's own rules (QueryTime, CertaintyFilter),
 * so that a bad value is a usage error here rather than a refusal from the tracker; picocli names the option.
 */
final class QueryTimeConverters {

    private QueryTimeConverters() {
    }

    /** {@code --as-of}: YYYY-MM-DD, or YYYY / YYYY-MM for the last day of that year or month. */
    static final class AsOf implements ITypeConverter<LocalDate> {

        @Override
        public LocalDate convert(final String value) {
            try {
                return QueryTime.parseAsOf(value);
            } catch (final IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --known-at}: an ISO-8601 instant, or a date for the end of its period in UTC. */
    static final class KnownAt implements ITypeConverter<Instant> {

        @Override
        public Instant convert(final String value) {
            try {
                return QueryTime.parseKnownAt(value);
            } catch (final IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --certainty}: CERTAIN or ANY, in any case. */
    static final class Certainty implements ITypeConverter<CertaintyFilter> {

        @Override
        public CertaintyFilter convert(final String value) {
            try {
                return CertaintyFilter.parse(value);
            } catch (final IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
