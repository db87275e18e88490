package eu.partnershiptracker.streams;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.model.ChangeOperation;
import eu.partnershiptracker.model.CorrectionType;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.model.PolicyEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the tracker must make of a sequence of arrivals, worked out with {@link ReferenceModel} alone: the events each
 * partnership accepts, the change each accepted event causes (described as "eventId OPERATION retroactive=..."), and
 * how many records are rejected (a reused id with different content). The arrival index stands for the record time.
 */
final class ExpectedOutcome {

    /** An expected change of one partnership. */
    record Change(String partnership, String description) {
    }

    private static final Map<CorrectionType, ChangeOperation> OPERATION_OF_CORRECTION = Map.of(
            CorrectionType.CORRECTS, ChangeOperation.CORRECT,
            CorrectionType.RETRACTS, ChangeOperation.RETRACT);

    private final Map<String, List<ReferenceModel.Accepted>> accepted = new LinkedHashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private int rejected;

    private ExpectedOutcome() {
    }

    static ExpectedOutcome of(final List<PolicyEvent> arrivals) {
        Objects.requireNonNull(arrivals, "arrivals");
        final ExpectedOutcome outcome = new ExpectedOutcome();
        final Map<String, PolicyEvent> firstSeen = new HashMap<>();
        for (int i = 0; i < arrivals.size(); i++) {
            final PolicyEvent event = arrivals.get(i);
            final PolicyEvent known = firstSeen.putIfAbsent(event.getEventId(), event);
            if (known != null) {
                outcome.rejected += known.equals(event) ? 0 : 1;
                continue;
            }
            outcome.accept(event, i);
        }
        return outcome;
    }

    /** The description a change must have to match {@link Change#description()}. */
    static String describe(final PartnershipChange change) {
        return change.getCauseEventId() + " " + change.getOperation() + " retroactive=" + change.getRetroactive();
    }

    static String key(final PolicyEvent event) {
        return PartnershipKey.of(event);
    }

    private void accept(final PolicyEvent event, final int arrival) {
        final String key = key(event);
        final List<ReferenceModel.Accepted> prior = List.copyOf(accepted.getOrDefault(key, List.of()));
        final List<ReferenceModel.Accepted> after = new ArrayList<>(prior);
        after.add(new ReferenceModel.Accepted(event, arrival));
        accepted.put(key, after);
        final ReferenceModel.View viewBefore = ReferenceModel.view(prior, null);
        final ReferenceModel.View viewAfter = ReferenceModel.view(after, null);
        if (viewBefore != null || viewAfter != null) {
            changes.add(new Change(key, event.getEventId() + " " + operation(viewBefore, viewAfter, event)
                    + " retroactive=" + ReferenceModel.retroactive(prior, event)));
        }
    }

    /** Every expected change, in arrival order. */
    List<Change> changes() {
        return List.copyOf(changes);
    }

    /** The expected changes of one partnership, in order. */
    List<String> changesOf(final String partnership) {
        return changes.stream().filter(change -> change.partnership().equals(partnership))
                .map(Change::description).toList();
    }

    int rejected() {
        return rejected;
    }

    /** The partnerships with at least one accepted event. */
    Set<String> partnerships() {
        return accepted.keySet();
    }

    /** The expected state of a partnership as of a date (null: current), or null if it has none. */
    ReferenceModel.View view(final String partnership, final LocalDate asOf) {
        return ReferenceModel.view(accepted.getOrDefault(partnership, List.of()), asOf);
    }

    /**
     * The expected state as of a date from what had been recorded by arrival {@code knownArrival} (inclusive): the
     * bitemporal answer, or null when nothing of the partnership was known then.
     */
    ReferenceModel.View view(final String partnership, final LocalDate asOf, final int knownArrival) {
        return ReferenceModel.view(accepted.getOrDefault(partnership, List.of()).stream()
                .filter(accepted -> accepted.arrival() <= knownArrival).toList(), asOf);
    }

    /**
     * The operation as the README defines it for subscribers, written from that definition rather than from the code
     * under test: a partnership that appears is created and one that disappears is deleted; otherwise the event's own
     * nature names the change.
     */
    private static ChangeOperation operation(final ReferenceModel.View before, final ReferenceModel.View after,
            final PolicyEvent event) {
        final boolean existed = before != null;
        final boolean exists = after != null;
        if (existed != exists) {
            return exists ? ChangeOperation.CREATE : ChangeOperation.DELETE;
        }
        return event.getCorrection() == null ? ChangeOperation.UPDATE
                : OPERATION_OF_CORRECTION.get(event.getCorrection().getType());
    }
}
