package eu.partnershiptracker.cli;

import eu.partnershiptracker.core.PartialDates;
import eu.partnershiptracker.query.CertaintyFilter;
import eu.partnershiptracker.query.QueryTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the options that say when and how surely a query looks, by the API's own rules (PartialDates, QueryTime,
 * CertaintyFilter), so that a bad value is a usage error here rather than a refusal from the tracker; picocli names
 * the option.
 */
final class QueryTimeConverters {

    private QueryTimeConverters() {
    }

    /** A converter from one of the API's parsers, whose IllegalArgumentException message is fit for the user. */
    private abstract static class Parsed<T> implements ITypeConverter<T> {

        private final Function<String, T> parser;

        Parsed(final Function<String, T> parser) {
            this.parser = Objects.requireNonNull(parser, "parser");
        }

        @Override
        public final T convert(final String value) {
            try {
                return parser.apply(value);
            } catch (final IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --from}, {@code --to}: a YYYY-MM-DD day, strictly (2024-02-30 is an error). */
    static final class Day extends Parsed<LocalDate> {

        Day() {
            super(PartialDates::parseDay);
        }
    }

    /** {@code --as-of}: YYYY-MM-DD, or YYYY / YYYY-MM for the last day of that year or month. */
    static final class AsOf extends Parsed<LocalDate> {

        AsOf() {
            super(QueryTime::parseAsOf);
        }
    }

    /** {@code --known-at}: an ISO-8601 instant, or a date for the end of its period in UTC. */
    static final class KnownAt extends Parsed<Instant> {

        KnownAt() {
            super(QueryTime::parseKnownAt);
        }
    }

    /** {@code --certainty}: CERTAIN or ANY, in any case. */
    static final class Certainty extends Parsed<CertaintyFilter> {

        Certainty() {
            super(CertaintyFilter::parse);
        }
    }
}
