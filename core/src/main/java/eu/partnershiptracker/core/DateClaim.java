package eu.partnershiptracker.core;

import eu.partnershiptracker.model.Certainty;
import eu.partnershiptracker.model.Claim;
import eu.partnershiptracker.model.DateBounds;
import eu.partnershiptracker.model.EventEntry;
import eu.partnershiptracker.model.PartialDate;
import eu.partnershiptracker.model.PolicyEvent;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a source says about when one step happened: a date exact at its precision ({@code 2024-05}), or one unknown day
 * known only by bounds ({@code [2024-07-12..2025-08]}, EDTF's "one of a set" notation; either end may be open). The one
 * home of the rules that turn such a claim into an answer as of a date:
 * <ul>
 * <li>An exact date counts from the first day of its period, and is then CERTAIN ("May 2024" from 2024-05-01).</li>
 * <li>A bounded date is absent before the first day of its lower bound's period, POSSIBLE from then, and CERTAIN from
 *     the last day of its upper bound's period ({@code [..2025-08]} is certain from 2025-08-31). Without a lower bound it
 *     is possible from the beginning; without an upper bound it never becomes certain.</li>
 * <li>The days a claim allows: its period when exact, the span of its bounds otherwise. Two claims agree when they allow
 *     a common day; calendar periods either nest or are disjoint, so two exact claims agree when one contains the
 *     other.</li>
 * </ul>
 */
public record DateClaim(PartialDate exact, PartialDate notBefore, PartialDate notAfter) {

    /** Bounded claims after exact ones, coarse before open: the order of the claim-resolution rule's "precision". */
    public static final Comparator<DateClaim> PRECISION = Comparator.comparingInt(DateClaim::precisionRank);

    private static final Pattern EDTF_SET = Pattern.compile("\\[\\s*([^.\\]]*?)\\s*\\.\\.\\s*([^.\\]]*?)\\s*]");

    public DateClaim {
        if (exact != null && (notBefore != null || notAfter != null)) {
            throw new IllegalArgumentException("a date is either exact or bounded, not both");
        }
        if (exact == null && notBefore == null && notAfter == null) {
            throw new IllegalArgumentException("a bounded date needs at least one bound");
        }
        if (!allowsADay(notBefore, notAfter)) {
            throw new IllegalArgumentException("bounds '[" + PartialDates.format(notBefore) + ".."
                    + PartialDates.format(notAfter) + "]' are empty: the lower bound is after the upper bound");
        }
    }

    /** Whether bounds (either may be open) leave at least one day: the lower one starts on or before the upper one ends. */
    public static boolean allowsADay(final PartialDate notBefore, final PartialDate notAfter) {
        return notBefore == null || notAfter == null || !notBefore.getDate().isAfter(PartialDates.lastDay(notAfter));
    }

    public static DateClaim exact(final PartialDate date) {
        return new DateClaim(Objects.requireNonNull(date, "date"), null, null);
    }

    public static DateClaim bounded(final PartialDate notBefore, final PartialDate notAfter) {
        return new DateClaim(null, notBefore, notAfter);
    }

    /** The claim an exact date or bounds make; exactly one of them must be set. */
    public static DateClaim of(final PartialDate exact, final DateBounds bounds) {
        if (exact != null) {
            return exact(exact);
        }
        if (bounds == null) {
            throw new IllegalArgumentException("neither a date nor bounds");
        }
        return bounded(bounds.getNotBefore(), bounds.getNotAfter());
    }

    /** What an event says of its step's date: its bounds as narrowed by stated orders, else its own date or bounds. */
    public static DateClaim of(final PolicyEvent event) {
        return event.getOrderBounds() != null ? of(null, event.getOrderBounds()) : stated(event);
    }

    /** What a timeline entry says of its step's date, as {@link #of(PolicyEvent)} does for its event. */
    public static DateClaim of(final EventEntry entry) {
        return entry.getOrderBounds() != null ? of(null, entry.getOrderBounds())
                : of(entry.getEventDate(), entry.getDateBounds());
    }

    /** The date a conflict's claim states; empty for a claim that states an order instead. */
    public static Optional<DateClaim> of(final Claim claim) {
        return claim.getEventDate() == null && claim.getDateBounds() == null ? Optional.empty()
                : Optional.of(of(claim.getEventDate(), claim.getDateBounds()));
    }

    /** The event's own date or bounds, before any order narrowed them. */
    public static DateClaim stated(final PolicyEvent event) {
        return of(event.getEventDate(), event.getDateBounds());
    }

    /**
     * Reads {@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD}, or bounds in EDTF's set notation {@code [A..B]},
     * {@code [..B]}, {@code [A..]}, A and B each in one of the three forms.
     *
     * @throws IllegalArgumentException with a message fit for a curator
     */
    public static DateClaim parse(final String text) {
        Objects.requireNonNull(text, "text");
        final String value = text.strip();
        if (!value.startsWith("[")) {
            return exact(PartialDates.parse(value));
        }
        final Matcher set = EDTF_SET.matcher(value);
        if (!set.matches()) {
            throw new IllegalArgumentException("'" + value
                    + "' is not a date or bounds: use YYYY[-MM[-DD]] or [A..B], [..B], [A..] (EDTF 'one of a set')");
        }
        final PartialDate from = set.group(1).isEmpty() ? null : PartialDates.parse(set.group(1));
        final PartialDate to = set.group(2).isEmpty() ? null : PartialDates.parse(set.group(2));
        if (from == null && to == null) {
            throw new IllegalArgumentException("'" + value + "' has no bound: give at least one of [A..B]");
        }
        return bounded(from, to);
    }

    public boolean isBounded() {
        return exact == null;
    }

    /** Bounds as the schema holds them, or null for an exact date. */
    public DateBounds bounds() {
        return isBounded() ? new DateBounds(notBefore, notAfter) : null;
    }

    /** The first day the step may have happened on; empty when it has no lower bound. */
    public Optional<LocalDate> possibleFrom() {
        final PartialDate lower = isBounded() ? notBefore : exact;
        return Optional.ofNullable(lower).map(PartialDate::getDate);
    }

    /** The day from which the step had certainly happened; empty when it has no upper bound. */
    public Optional<LocalDate> certainFrom() {
        if (!isBounded()) {
            return Optional.of(exact.getDate());
        }
        return Optional.ofNullable(notAfter).map(PartialDates::lastDay);
    }

    /**
     * Whether the step had happened as of a date: CERTAIN, POSSIBLE, or empty (not yet). A null date is the end of
     * time, where every step has possibly happened and every step with an upper bound certainly has.
     */
    public Optional<Certainty> certaintyOn(final LocalDate asOf) {
        final Optional<LocalDate> certain = certainFrom();
        if (asOf == null) {
            return Optional.of(certain.isPresent() ? Certainty.CERTAIN : Certainty.POSSIBLE);
        }
        if (certain.isPresent() && !asOf.isBefore(certain.get())) {
            return Optional.of(Certainty.CERTAIN);
        }
        if (possibleFrom().map(first -> !asOf.isBefore(first)).orElse(true)) {
            return Optional.of(Certainty.POSSIBLE);
        }
        return Optional.empty();
    }

    /** The first day the claim allows (LocalDate.MIN when open): the day that places it in a timeline. */
    public LocalDate earliestDay() {
        return possibleFrom().orElse(LocalDate.MIN);
    }

    /** The last day the claim allows (LocalDate.MAX when open). */
    public LocalDate latestDay() {
        final PartialDate upper = isBounded() ? notAfter : exact;
        return upper == null ? LocalDate.MAX : PartialDates.lastDay(upper);
    }

    /** Whether the two claims allow a common day. */
    public boolean agreesWith(final DateClaim other) {
        return !earliestDay().isAfter(other.latestDay()) && !other.earliestDay().isAfter(latestDay());
    }

    /**
     * The bounds both claims allow, each bound taken from the claim that states the tighter one; only for two bounded
     * claims that agree.
     */
    public DateClaim narrowedBy(final DateClaim other) {
        if (!isBounded() || !other.isBounded() || !agreesWith(other)) {
            throw new IllegalArgumentException("only agreeing bounds narrow each other: " + this + ", " + other);
        }
        return bounded(later(notBefore, other.notBefore), earlier(notAfter, other.notAfter));
    }

    private static PartialDate later(final PartialDate one, final PartialDate other) {
        if (one == null || other == null) {
            return one == null ? other : one;
        }
        return other.getDate().isAfter(one.getDate()) ? other : one;
    }

    private static PartialDate earlier(final PartialDate one, final PartialDate other) {
        if (one == null || other == null) {
            return one == null ? other : one;
        }
        return PartialDates.lastDay(other).isBefore(PartialDates.lastDay(one)) ? other : one;
    }

    /** {@code 2024-05}, or the EDTF set {@code [2024-07-12..2025-08]}. */
    public String format() {
        if (!isBounded()) {
            return PartialDates.format(exact);
        }
        return "[" + (notBefore == null ? "" : PartialDates.format(notBefore)) + ".."
                + (notAfter == null ? "" : PartialDates.format(notAfter)) + "]";
    }

    /** Exact dates by precision (DAY 0, MONTH 1, YEAR 2), closed bounds (10), half-open ones (11): {@link #PRECISION}. */
    public int precisionRank() {
        if (!isBounded()) {
            return exact.getPrecision().ordinal();
        }
        return 10 + (notBefore == null ? 1 : 0) + (notAfter == null ? 1 : 0);
    }

    @Override
    public String toString() {
        return format();
    }
}
