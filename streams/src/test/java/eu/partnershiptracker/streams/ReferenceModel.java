package eu.partnershiptracker.streams;

import eu.partnershiptracker.model.Conflict;
import eu.partnershiptracker.model.CorrectionType;
import eu.partnershiptracker.model.DateBounds;
import eu.partnershiptracker.model.DatePrecision;
import eu.partnershiptracker.model.EntryStatus;
import eu.partnershiptracker.model.EventEntry;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.PartialDate;
import eu.partnershiptracker.model.PartnershipState;
import eu.partnershiptracker.model.PolicyEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A deliberately naive, independent statement of the domain rules, to check the production fold against: accepted
 * events sorted by date and folded by brute force. It shares nothing with the production code but the Avro types.
 */
final class ReferenceModel {

    /** An accepted event and when it arrived (arrival index doubles as recordedAt order). */
    record Accepted(PolicyEvent event, int arrival) {
    }

    /** The parts of a PartnershipState the rules decide, in comparable form. */
    record View(List<String> instruments, List<String> events, List<String> conflicts, String lastEventId) {

        static View of(final PartnershipState state) {
            if (state == null) {
                return null;
            }
            return new View(
                    state.getInstruments().stream().map(View::instrument).toList(),
                    state.getEvents().stream().map(View::entry).toList(),
                    state.getConflicts().stream().map(View::conflict).toList(),
                    state.getLastEventId());
        }

        /**
         * The view of a state as the instruments topic publishes it ({@link LatestInstruments}): without its event
         * list, its instruments' eventIds (the list that ends each instrument's text) and its lastEventId; null stays
         * null.
         */
        static View published(final View view) {
            return view == null ? null : new View(view.instruments().stream()
                    .map(instrument -> instrument.substring(0, instrument.lastIndexOf(" [")) + " []").toList(),
                    List.of(), view.conflicts(), null);
        }

        private static String instrument(final InstrumentState state) {
            return state.getType() + "/" + state.getKey() + " " + state.getStatus() + " " + state.getCertainty()
                    + " since " + text(state.getStatusSince()) + " bounds " + text(state.getNotBefore()) + ".."
                    + text(state.getNotAfter()) + " possibly " + state.getPossibleStatus() + " "
                    + bounds(state.getPossibleBounds()) + " signed " + text(state.getSignedOn()) + " in force "
                    + text(state.getInForceFrom()) + " " + state.getEventIds();
        }

        private static String bounds(final DateBounds bounds) {
            return bounds == null ? "-" : text(bounds.getNotBefore()) + ".." + text(bounds.getNotAfter());
        }

        private static String entry(final EventEntry entry) {
            return entry.getEventId() + " " + entry.getStatus() + " by " + entry.getSupersededBy();
        }

        private static String conflict(final Conflict conflict) {
            return conflict.getInstrument() + "/" + conflict.getInstrumentKey() + " " + conflict.getKind() + " "
                    + conflict.getType() + " chose "
                    + conflict.getChosenEventId() + " of "
                    + conflict.getClaims().stream().map(claim -> claim.getEventId()).toList();
        }

        static String text(final PartialDate date) {
            return date == null ? "-" : date.getDate() + ":" + date.getPrecision();
        }
    }

    private static final Map<EventKind, InstrumentStatus> STAGE = Map.ofEntries(
            Map.entry(EventKind.EXPLORATORY_TALKS_STARTED, InstrumentStatus.EXPLORATORY_TALKS),
            Map.entry(EventKind.NEGOTIATIONS_LAUNCHED, InstrumentStatus.NEGOTIATING),
            Map.entry(EventKind.NEGOTIATIONS_CONCLUDED, InstrumentStatus.CONCLUDED),
            Map.entry(EventKind.APPLIED, InstrumentStatus.APPLIED),
            Map.entry(EventKind.SIGNED, InstrumentStatus.SIGNED),
            Map.entry(EventKind.PROVISIONALLY_APPLIED, InstrumentStatus.PROVISIONALLY_APPLIED),
            Map.entry(EventKind.ENTERED_INTO_FORCE, InstrumentStatus.IN_FORCE),
            Map.entry(EventKind.LAUNCHED, InstrumentStatus.ACTIVE), Map.entry(EventKind.UPGRADED, InstrumentStatus.ACTIVE),
            Map.entry(EventKind.HELD, InstrumentStatus.ACTIVE), Map.entry(EventKind.ISSUED, InstrumentStatus.ACTIVE),
            Map.entry(EventKind.ENDORSED, InstrumentStatus.ACTIVE), Map.entry(EventKind.GRANTED, InstrumentStatus.ACTIVE),
            Map.entry(EventKind.JOINED, InstrumentStatus.ACTIVE), Map.entry(EventKind.ACCEDED, InstrumentStatus.ACTIVE),
            Map.entry(EventKind.SUSPENDED, InstrumentStatus.SUSPENDED),
            Map.entry(EventKind.SUPERSEDED, InstrumentStatus.SUPERSEDED),
            Map.entry(EventKind.TERMINATED, InstrumentStatus.TERMINATED));
    private static final Set<EventKind> SEVERAL_TIMES =
            Set.of(EventKind.UNKNOWN, EventKind.HELD, EventKind.UPGRADED, EventKind.SUSPENDED);

    /** What one event says of its step's date: the days it allows, [first, last], MIN or MAX where open. */
    private record Span(LocalDate first, LocalDate last, PartialDate exact, PartialDate notBefore,
            PartialDate notAfter) {

        static Span of(final PolicyEvent event) {
            final PartialDate exact = event.getEventDate();
            final DateBounds bounds = event.getOrderBounds() != null ? event.getOrderBounds() : event.getDateBounds();
            if (exact != null) {
                return new Span(exact.getDate(), end(exact), exact, null, null);
            }
            return new Span(bounds.getNotBefore() == null ? LocalDate.MIN : bounds.getNotBefore().getDate(),
                    bounds.getNotAfter() == null ? LocalDate.MAX : end(bounds.getNotAfter()), null,
                    bounds.getNotBefore(), bounds.getNotAfter());
        }

        /** Precision rank: day, month, year, then bounds, then half-open bounds. */
        int rank() {
            if (exact != null) {
                return exact.getPrecision().ordinal();
            }
            return 10 + (notBefore == null ? 1 : 0) + (notAfter == null ? 1 : 0);
        }

        boolean overlaps(final Span other) {
            return !first.isAfter(other.last) && !other.first.isAfter(last);
        }

        /** CERTAIN, POSSIBLE or null (not yet) as of a date; null date: the end of time. */
        String certaintyOn(final LocalDate asOf) {
            final LocalDate certain = exact != null ? exact.getDate() : notAfter == null ? null : last;
            if (asOf == null) {
                return certain != null ? "CERTAIN" : "POSSIBLE";
            }
            if (certain != null && !asOf.isBefore(certain)) {
                return "CERTAIN";
            }
            return asOf.isBefore(first) ? null : "POSSIBLE";
        }
    }

    /** A step: a fact's resolved span and every claim of it, or one repeatable event. */
    private record Step(EventKind kind, Span span, List<PolicyEvent> claims) {
    }

    private static final Comparator<PolicyEvent> VALID_TIME = Comparator
            .comparing((PolicyEvent e) -> Span.of(e).first())
            .thenComparing(e -> STAGE.containsKey(e.getKind()) ? STAGE.get(e.getKind()).ordinal() : 0)
            .thenComparing(e -> Span.of(e).rank())
            .thenComparing(PolicyEvent::getEventId);
    private static final Comparator<PolicyEvent> BELIEVED = Comparator
            .comparing((PolicyEvent e) -> Span.of(e).rank())
            .thenComparing(e -> Span.of(e).first())
            .thenComparing(PolicyEvent::getEventId);

    private ReferenceModel() {
    }

    /** The state of one partnership from its accepted events, as of a date (null: all). */
    static View view(final List<Accepted> accepted, final LocalDate asOf) {
        final Map<String, String> status = new TreeMap<>();
        final Map<String, String> by = new TreeMap<>();
        final Set<String> ids = accepted.stream().map(a -> a.event().getEventId()).collect(Collectors.toSet());
        for (final boolean retractions : new boolean[] {false, true}) {
            accepted.stream()
                    .filter(a -> a.event().getCorrection() != null
                            && (a.event().getCorrection().getType() == CorrectionType.RETRACTS) == retractions)
                    .filter(a -> ids.contains(a.event().getCorrection().getTargetEventId()))
                    .filter(a -> !a.event().getCorrection().getTargetEventId().equals(a.event().getEventId()))
                    .sorted(Comparator.comparingInt(Accepted::arrival).reversed())
                    .forEach(a -> {
                        // Later passes and earlier arrivals overwrite: retractions win, then the first recorded.
                        status.put(a.event().getCorrection().getTargetEventId(),
                                retractions ? EntryStatus.RETRACTED.name() : EntryStatus.CORRECTED.name());
                        by.put(a.event().getCorrection().getTargetEventId(), a.event().getEventId());
                    });
        }
        final List<Accepted> sorted = accepted.stream().sorted(Comparator.comparing(Accepted::event, VALID_TIME))
                .toList();
        // Claims are resolved over every fact, whatever the date; the date applies to the resolved steps only.
        final List<PolicyEvent> facts = sorted.stream().map(Accepted::event)
                .filter(e -> !status.containsKey(e.getEventId()))
                .filter(e -> e.getCorrection() == null || e.getCorrection().getType() != CorrectionType.RETRACTS)
                .toList();
        final List<String> instruments = new ArrayList<>();
        final List<String> conflicts = new ArrayList<>();
        facts.stream().map(ReferenceModel::group).distinct().sorted()
                .forEach(group -> {
                    final List<PolicyEvent> mine = facts.stream().filter(e -> group.equals(group(e))).toList();
                    final List<Step> steps = new ArrayList<>();
                    for (final EventKind kind : EventKind.values()) {
                        final List<PolicyEvent> claims = mine.stream().filter(e -> e.getKind() == kind).toList();
                        if (claims.isEmpty()) {
                            continue;
                        }
                        if (SEVERAL_TIMES.contains(kind)) {
                            claims.forEach(claim -> steps.add(new Step(kind, Span.of(claim), List.of(claim))));
                            continue;
                        }
                        final PolicyEvent believed = claims.stream().min(BELIEVED).orElseThrow();
                        steps.add(new Step(kind, resolve(believed, claims), claims));
                        if (claims.stream().anyMatch(a -> claims.stream()
                                .anyMatch(b -> !Span.of(a).overlaps(Span.of(b))))) {
                            conflicts.add(mine.get(0).getInstrument() + "/" + mine.get(0).getInstrumentKey() + " "
                                    + kind + " DATES chose " + believed.getEventId() + " of "
                                    + claims.stream().map(PolicyEvent::getEventId).toList());
                        }
                    }
                    final String instrument = instrument(mine, steps, asOf);
                    if (instrument != null) {
                        instruments.add(instrument);
                    }
                });
        if (instruments.isEmpty() && conflicts.isEmpty()) {
            return null;
        }
        final List<Accepted> listed = sorted.stream()
                .filter(a -> asOf == null || !Span.of(a.event()).first().isAfter(asOf))
                .toList();
        final String last = (listed.isEmpty() ? accepted : listed).stream()
                .max(Comparator.comparingInt(Accepted::arrival)).orElseThrow().event().getEventId();
        return new View(instruments,
                listed.stream().map(a -> a.event().getEventId() + " "
                        + status.getOrDefault(a.event().getEventId(), EntryStatus.EFFECTIVE.name()) + " by "
                        + by.get(a.event().getEventId())).toList(),
                conflicts, last);
    }

    /** The believed claim, narrowed by every bounded claim (in valid-time order) that agrees with it so far. */
    private static Span resolve(final PolicyEvent believed, final List<PolicyEvent> claims) {
        Span span = Span.of(believed);
        if (span.exact() != null) {
            return span;
        }
        for (final PolicyEvent claim : claims) {
            final Span other = Span.of(claim);
            if (other.exact() == null && other.overlaps(span)) {
                final PartialDate lower = span.notBefore() == null ? other.notBefore() : other.notBefore() == null
                        || !other.first().isAfter(span.first()) ? span.notBefore() : other.notBefore();
                final PartialDate upper = span.notAfter() == null ? other.notAfter() : other.notAfter() == null
                        || !other.last().isBefore(span.last()) ? span.notAfter() : other.notAfter();
                span = Span.of(PolicyEvent.newBuilder(claim).setEventDate(null)
                        .setOrderBounds(null).setDateBounds(new DateBounds(lower, upper)).build());
            }
        }
        return span;
    }

    /** Whether an accepted event rewrites history: a correction, or dated before a fact already there. */
    static boolean retroactive(final List<Accepted> prior, final PolicyEvent event) {
        if (event.getCorrection() != null) {
            return true;
        }
        final View before = view(prior, null);
        if (before == null) {
            return false;
        }
        return prior.stream().map(Accepted::event)
                .filter(e -> before.events().contains(e.getEventId() + " EFFECTIVE by null"))
                .filter(e -> e.getCorrection() == null || e.getCorrection().getType() != CorrectionType.RETRACTS)
                .anyMatch(e -> Span.of(e).first().isAfter(Span.of(event).first()));
    }

    /** The instrument as of a date, or null when none of its steps had (possibly) happened by then. */
    private static String instrument(final List<PolicyEvent> mine, final List<Step> steps, final LocalDate asOf) {
        final List<Step> present = steps.stream().filter(step -> step.span().certaintyOn(asOf) != null)
                .sorted(Comparator.comparing(step -> step.claims().get(0), VALID_TIME)).toList();
        if (present.isEmpty()) {
            return null;
        }
        final Step certain = top(present, asOf, "CERTAIN");
        final Step possible = top(present, asOf, "POSSIBLE");
        final boolean possibleAbove = possible != null
                && (certain == null || STAGE.get(possible.kind()).compareTo(STAGE.get(certain.kind())) > 0);
        Step shown = certain != null ? certain : possibleAbove ? possible : null;
        if (shown == null) {
            shown = present.stream().filter(step -> "CERTAIN".equals(step.span().certaintyOn(asOf))).findFirst()
                    .orElse(present.get(0));
        }
        final List<String> ids = present.stream().flatMap(step -> step.claims().stream()).sorted(VALID_TIME)
                .map(PolicyEvent::getEventId).toList();
        final PolicyEvent first = mine.get(0);
        return first.getInstrument() + "/" + first.getInstrumentKey() + " "
                + (STAGE.containsKey(shown.kind()) ? STAGE.get(shown.kind()) : InstrumentStatus.UNKNOWN) + " "
                + shown.span().certaintyOn(asOf) + " since " + View.text(shown.span().exact()) + " bounds "
                + View.text(shown.span().notBefore()) + ".." + View.text(shown.span().notAfter()) + " possibly "
                + (certain != null && possibleAbove ? STAGE.get(possible.kind()) + " "
                        + View.text(possible.span().notBefore()) + ".." + View.text(possible.span().notAfter())
                        : "null -")
                + " signed " + exact(present, EventKind.SIGNED) + " in force "
                + exact(present, EventKind.ENTERED_INTO_FORCE) + " " + ids;
    }

    /** The present step with a stage and this certainty at the highest stage, the earliest of those. */
    private static Step top(final List<Step> present, final LocalDate asOf, final String certainty) {
        Step top = null;
        for (final Step step : present) {
            if (STAGE.containsKey(step.kind()) && certainty.equals(step.span().certaintyOn(asOf))
                    && (top == null || STAGE.get(step.kind()).compareTo(STAGE.get(top.kind())) > 0)) {
                top = step;
            }
        }
        return top;
    }

    private static String exact(final List<Step> present, final EventKind kind) {
        return present.stream().filter(step -> step.kind() == kind && step.span().exact() != null)
                .map(step -> View.text(step.span().exact())).findFirst().orElse("-");
    }
    /** Sorts as instruments must: by type, then key with no key first. */
    private static String group(final PolicyEvent event) {
        return String.format("%03d|%s", event.getInstrument().ordinal(),
                event.getInstrumentKey() == null ? "" : "k" + event.getInstrumentKey());
    }

    private static LocalDate end(final PartialDate date) {
        final LocalDate start = date.getDate();
        final DatePrecision precision = Objects.requireNonNull(date.getPrecision());
        return switch (precision) {
            case DAY -> start;
            case MONTH -> start.withDayOfMonth(start.lengthOfMonth());
            case YEAR -> start.withDayOfYear(start.lengthOfYear());
        };
    }
}
