package eu.partnershiptracker.query.http;

import eu.partnershiptracker.core.PartialDates;
import eu.partnershiptracker.query.CertaintyFilter;
import eu.partnershiptracker.query.QueryTime;
import io.javalin.http.Context;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiParam;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads query parameters strictly; a bad one is a 400 that names the parameter and the value. A route may read only the
 * query parameters its {@code @OpenApi} in {@link QueryRoutes} documents: reading any other is a 500, so a parameter
 * cannot be added without documenting it, and no test of the route passes until it is.
 */
final class Params {

    static final String FROM = "from";
    static final String TO = "to";

    /** Route path to the query parameters its {@code @OpenApi} documents. */
    private static final Map<String, Set<String>> DOCUMENTED = Arrays.stream(QueryRoutes.class.getDeclaredMethods())
            .map(method -> method.getAnnotation(OpenApi.class))
            .filter(Objects::nonNull)
            .collect(Collectors.toUnmodifiableMap(OpenApi::path, route -> Arrays.stream(route.queryParams())
                    .map(OpenApiParam::name)
                    .collect(Collectors.toUnmodifiableSet())));

    private Params() {
    }

    /**
     * A date as {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}: the period's last day when {@code end}, else its
     * first; null when the parameter is absent or empty.
     */
    static LocalDate date(final Context ctx, final String name, final boolean end) {
        return read(ctx, name, end ? QueryTime::parseAsOf : value -> PartialDates.parse(value).getDate());
    }

    /** An as-of day (a year or a month means its last day), or null when absent or empty. */
    static LocalDate asOf(final Context ctx, final String name) {
        return date(ctx, name, true);
    }

    /** An instant, or a date meaning the end of its period in UTC; null when absent or empty. */
    static Instant knownAt(final Context ctx, final String name) {
        return read(ctx, name, QueryTime::parseKnownAt);
    }

    /** CERTAIN (also when absent or empty) or ANY, in any case. */
    static CertaintyFilter certainty(final Context ctx, final String name) {
        final CertaintyFilter certainty = read(ctx, name, CertaintyFilter::parse);
        return certainty == null ? CertaintyFilter.CERTAIN : certainty;
    }

    /**
     * {@code true} or {@code false}, in any case; {@code absent} when the parameter is absent. Unlike the other
     * parameters an empty value is refused, not read as absent: a switch should be set on purpose.
     */
    static boolean flag(final Context ctx, final String name, final boolean absent) {
        final String value = documented(ctx, name);
        if (value == null) {
            return absent;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("query parameter '" + name + "': '" + value
                    + "' is not true or false");
        };
    }

    private static <T> T read(final Context ctx, final String name, final Function<String, T> parse) {
        final String value = documented(ctx, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (final IllegalArgumentException e) {
            throw ApiException.badRequest("query parameter '" + name + "': " + e.getMessage());
        }
    }

    /** One of an enum's names, or null when the parameter is absent or empty. */
    static <E extends Enum<E>> E choice(final Context ctx, final String name, final Class<E> type) {
        return read(ctx, name, value -> {
            try {
                return Enum.valueOf(type, value.strip());
            } catch (final IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + value + "' is not one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")), e);
            }
        });
    }

    /** A range of dates; either end may be open (null). */
    record DateRange(LocalDate from, LocalDate to) {
    }

    /** {@code from} (from the first day of its period) and {@code to} (to the last); from must not be after to. */
    static DateRange range(final Context ctx) {
        final LocalDate from = date(ctx, FROM, false);
        final LocalDate to = date(ctx, TO, true);
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("query parameter '" + FROM + "': " + from + " is after '" + TO + "' " + to);
        }
        return new DateRange(from, to);
    }

    private static String documented(final Context ctx, final String name) {
        if (!DOCUMENTED.getOrDefault(ctx.endpointHandlerPath(), Set.of()).contains(name)) {
            throw new IllegalStateException(ctx.endpointHandlerPath() + " reads query parameter '" + name
                    + "', which its @OpenApi does not document");
        }
        return ctx.queryParam(name);
    }
}
