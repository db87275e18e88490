package eu.partnershiptracker.query;

import eu.partnershiptracker.core.PartialDates;
import eu.partnershiptracker.core.fold.PartnershipFold;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.model.PartnershipState;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The two times a query looks from: {@code asOf}, a day of valid time (the events dated up to it; null: everything), and
 * {@code knownAt}, an instant of transaction time (the events recorded up to it; null: everything recorded). Together
 * they make the bitemporal question "what would the tracker have said at knownAt about asOf".
 */
public record QueryTime(LocalDate asOf, Instant knownAt) {

    /** Every event, whatever its date or when it was recorded. */
    public static final QueryTime NOW = new QueryTime(null, null);

    /** The timeline as the tracker knew it at knownAt: only the entries recorded up to it. */
    public Timeline known(final Timeline timeline) {
        Objects.requireNonNull(timeline, "timeline");
        return knownAt == null ? timeline : timeline.recordedUpTo(knownAt);
    }

    /** The partnership's state at this time, or null when nothing is known of it then. */
    public PartnershipState state(final Timeline timeline) {
        return PartnershipFold.stateAsOf(timeline, asOf, knownAt);
    }

    /** A state a replay made from {@link #known}'s timeline, saying which transaction time it describes. */
    public PartnershipState stamped(final PartnershipState state) {
        if (state != null && knownAt != null) {
            state.setKnownAt(knownAt);
        }
        return state;
    }

    /**
     * Reads an as-of day: {@code YYYY-MM-DD}, or {@code YYYY} or {@code YYYY-MM} meaning the last day of that year or
     * month (the state at the end of the period).
     *
     * @throws IllegalArgumentException with a message fit for the caller
     */
    public static LocalDate parseAsOf(final String text) {
        return PartialDates.lastDay(PartialDates.parse(Objects.requireNonNull(text, "text")));
    }

    /**
     * Reads a known-at instant: ISO-8601 with a zone ({@code 2025-01-31T12:00:00Z}, {@code 2025-01-31T13:00:00+01:00}),
     * or {@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD} meaning the end of that period in UTC.
     *
     * @throws IllegalArgumentException with a message fit for the caller
     */
    public static Instant parseKnownAt(final String text) {
        final String value = Objects.requireNonNull(text, "text").strip();
        if (!value.contains("T")) {
            try {
                return PartialDates.lastDay(PartialDates.parse(value)).atTime(LocalTime.MAX).toInstant(ZoneOffset.UTC);
            } catch (final IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + value + "' is not an instant: use an ISO-8601 instant such as"
                        + " 2025-01-31T12:00:00Z, or YYYY[-MM[-DD]] for the end of that period in UTC", e);
            }
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (final DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not an instant: use an ISO-8601 instant with a zone,"
                    + " such as 2025-01-31T12:00:00Z", e);
        }
    }
}
