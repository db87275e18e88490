package eu.partnershiptracker.core.fold;

import eu.partnershiptracker.model.Correction;
import eu.partnershiptracker.model.CorrectionType;
import eu.partnershiptracker.model.EntryStatus;
import eu.partnershiptracker.model.PolicyEvent;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which events of a timeline were corrected or retracted, and by what. Derived from the whole timeline every time, so
 * a correction that arrives before its target still applies once the target is there.
 * <ul>
 * <li>An event with correction CORRECTS makes its target CORRECTED and is itself an effective fact.</li>
 * <li>An event with correction RETRACTS makes its target RETRACTED and is an audit entry only, never a fact.</li>
 * <li>In valid time a correction simply replaces its target, whatever the dates of the two: the target is not a fact
 *     as of any date. In transaction time it counts from its own recordedAt (see {@link Timeline#recordedUpTo}).</li>
 * <li>A retraction beats corrections of the same target; among several, the first recorded is named in supersededBy.</li>
 * <li>A mark is never undone: correcting or retracting the correcting event leaves the original target superseded, so
 *     reinstating a fact takes a new event.</li>
 * </ul>
 */
public final class AuditTrail {

    private record Mark(EntryStatus status, String supersededBy) {
    }

    private static final Comparator<TimelineEntry> RETRACTIONS_FIRST =
            Comparator.comparing((TimelineEntry entry) -> !isRetraction(entry.event())).thenComparing(EventOrder.RECORDED);

    private final Map<String, Mark> marks;

    private AuditTrail(final Map<String, Mark> marks) {
        this.marks = marks;
    }

    public static AuditTrail of(final List<TimelineEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        final Set<String> known = entries.stream().map(TimelineEntry::eventId).collect(Collectors.toSet());
        final Map<String, TimelineEntry> deciding = new HashMap<>();
        for (final TimelineEntry entry : entries) {
            final Correction correction = entry.event().getCorrection();
            if (correction == null || !known.contains(correction.getTargetEventId())
                    || correction.getTargetEventId().equals(entry.eventId())) {
                continue;
            }
            deciding.merge(correction.getTargetEventId(), entry,
                    (first, second) -> RETRACTIONS_FIRST.compare(first, second) <= 0 ? first : second);
        }
        final Map<String, Mark> marks = new HashMap<>();
        deciding.forEach((target, entry) -> marks.put(target, new Mark(
                isRetraction(entry.event()) ? EntryStatus.RETRACTED : EntryStatus.CORRECTED, entry.eventId())));
        return new AuditTrail(marks);
    }

    public static boolean isRetraction(final PolicyEvent event) {
        final Correction correction = event.getCorrection();
        return correction != null && correction.getType() == CorrectionType.RETRACTS;
    }

    public EntryStatus status(final String eventId) {
        final Mark mark = marks.get(eventId);
        return mark == null ? EntryStatus.EFFECTIVE : mark.status();
    }

    /** The event that corrected or retracted this one, or null. */
    public String supersededBy(final String eventId) {
        final Mark mark = marks.get(eventId);
        return mark == null ? null : mark.supersededBy();
    }

    /** Whether an entry states a fact: it is neither superseded nor itself a retraction. */
    public boolean isFact(final TimelineEntry entry) {
        return !marks.containsKey(entry.eventId()) && !isRetraction(entry.event());
    }
}
