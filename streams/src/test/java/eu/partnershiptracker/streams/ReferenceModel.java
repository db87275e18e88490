package eu.partnershiptracker.streams;

import eu.partnershiptracker.model.Conflict;
import eu.partnershiptracker.model.CorrectionType;
import eu.partnershiptracker.model.DatePrecision;
import eu.partnershiptracker.model.EntryStatus;
import eu.partnershiptracker.model.EventEntry;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
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

        private static String instrument(final InstrumentState state) {
            return instrument(state.getType(), state.getKey(), state.getStatus(), state.getStatusSince(),
                    state.getSignedOn(), state.getInForceFrom(), state.getEventIds());
        }

        static String instrument(final InstrumentType type, final String key, final InstrumentStatus status,
                final PartialDate since, final PartialDate signed, final PartialDate inForce, final List<String> ids) {
            return type + "/" + key + " " + status + " since " + text(since) + " signed " + text(signed)
                    + " in force " + text(inForce) + " " + ids;
        }

        private static String entry(final EventEntry entry) {
            return entry.getEventId() + " " + entry.getStatus() + " by " + entry.getSupersededBy();
        }

        private static String conflict(final Conflict conflict) {
            return conflict.getInstrument() + "/" + conflict.getInstrumentKey() + " " + conflict.getKind() + " chose "
                    + conflict.getChosenEventId() + " of "
                    + conflict.getClaims().stream().map(claim -> claim.getEventId()).toList();
        }

        private static String text(final PartialDate date) {
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

    private static final Comparator<PolicyEvent> VALID_TIME = Comparator
            .comparing((PolicyEvent e) -> e.getEventDate().getDate())
            .thenComparing(e -> STAGE.containsKey(e.getKind()) ? STAGE.get(e.getKind()).ordinal() : 0)
            .thenComparing(e -> e.getEventDate().getPrecision().ordinal())
            .thenComparing(PolicyEvent::getEventId);
    private static final Comparator<PolicyEvent> BELIEVED = Comparator
            .comparing((PolicyEvent e) -> e.getEventDate().getPrecision().ordinal())
            .thenComparing(e -> e.getEventDate().getDate())
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
        final List<Accepted> listed = accepted.stream()
                .filter(a -> asOf == null || !a.event().getEventDate().getDate().isAfter(asOf))
                .sorted(Comparator.comparing(Accepted::event, VALID_TIME))
                .toList();
        final List<PolicyEvent> facts = listed.stream().map(Accepted::event)
                .filter(e -> !status.containsKey(e.getEventId()))
                .filter(e -> e.getCorrection() == null || e.getCorrection().getType() != CorrectionType.RETRACTS)
                .toList();
        if (facts.isEmpty()) {
            return null;
        }
        final List<String> instruments = new ArrayList<>();
        final List<String> conflicts = new ArrayList<>();
        facts.stream().map(ReferenceModel::group).distinct().sorted()
                .forEach(group -> {
                    final List<PolicyEvent> mine = facts.stream().filter(e -> group.equals(group(e))).toList();
                    instruments.add(instrument(mine));
                    for (final EventKind kind : EventKind.values()) {
                        final List<PolicyEvent> claims = mine.stream().filter(e -> e.getKind() == kind).toList();
                        if (!SEVERAL_TIMES.contains(kind) && claims.stream().anyMatch(a -> claims.stream()
                                .anyMatch(b -> end(a).isBefore(b.getEventDate().getDate())))) {
                            conflicts.add(mine.get(0).getInstrument() + "/" + mine.get(0).getInstrumentKey() + " " + kind
                                    + " chose " + claims.stream().min(BELIEVED).orElseThrow().getEventId() + " of "
                                    + claims.stream().map(PolicyEvent::getEventId).toList());
                        }
                    }
                });
        final String last = listed.stream().max(Comparator.comparingInt(Accepted::arrival)).orElseThrow()
                .event().getEventId();
        return new View(instruments,
                listed.stream().map(a -> a.event().getEventId() + " "
                        + status.getOrDefault(a.event().getEventId(), EntryStatus.EFFECTIVE.name()) + " by "
                        + by.get(a.event().getEventId())).toList(),
                conflicts, last);
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
                .anyMatch(e -> e.getEventDate().getDate().isAfter(event.getEventDate().getDate()));
    }

    private static String instrument(final List<PolicyEvent> mine) {
        final PolicyEvent first = mine.get(0);
        final InstrumentStatus top = mine.stream().filter(e -> STAGE.containsKey(e.getKind()))
                .map(e -> STAGE.get(e.getKind())).max(Comparator.naturalOrder()).orElse(null);
        final PartialDate since = top == null ? first.getEventDate() : mine.stream()
                .filter(e -> STAGE.get(e.getKind()) == top)
                .map(e -> SEVERAL_TIMES.contains(e.getKind()) ? e : believed(mine, e.getKind()))
                .min(VALID_TIME).orElseThrow().getEventDate();
        final PolicyEvent signed = believed(mine, EventKind.SIGNED);
        final PolicyEvent inForce = believed(mine, EventKind.ENTERED_INTO_FORCE);
        return View.instrument(first.getInstrument(), first.getInstrumentKey(),
                top == null ? InstrumentStatus.UNKNOWN : top, since,
                signed == null ? null : signed.getEventDate(), inForce == null ? null : inForce.getEventDate(),
                mine.stream().map(PolicyEvent::getEventId).toList());
    }

    /** Sorts as instruments must: by type, then key with no key first. */
    private static String group(final PolicyEvent event) {
        return String.format("%03d|%s", event.getInstrument().ordinal(),
                event.getInstrumentKey() == null ? "" : "k" + event.getInstrumentKey());
    }

    private static PolicyEvent believed(final List<PolicyEvent> mine, final EventKind kind) {
        return mine.stream().filter(e -> e.getKind() == kind).min(BELIEVED).orElse(null);
    }

    private static LocalDate end(final PolicyEvent event) {
        final LocalDate start = event.getEventDate().getDate();
        final DatePrecision precision = Objects.requireNonNull(event.getEventDate().getPrecision());
        return switch (precision) {
            case DAY -> start;
            case MONTH -> start.withDayOfMonth(start.lengthOfMonth());
            case YEAR -> start.withDayOfYear(start.lengthOfYear());
        };
    }
}
