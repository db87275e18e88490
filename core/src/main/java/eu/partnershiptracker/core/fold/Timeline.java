package eu.partnershiptracker.core.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything ever received for one partnership: every distinct event (by eventId) in arrival order, plus the number of
 * changes emitted so far for it (the sequence behind change ids). It is the value of the "partnership-timelines" store and
 * the only input of {@link PartnershipFold}: every state, current or as of a date, is derived from it, which is how
 * events arriving out of order still land in the right place.
 */
public record Timeline(long changeCount, List<TimelineEntry> entries) {

    public static final Timeline EMPTY = new Timeline(0, List.of());

    public Timeline {
        if (changeCount < 0) {
            throw new IllegalArgumentException("changeCount must not be negative: " + changeCount);
        }
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    public Optional<TimelineEntry> find(final String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        return entries.stream().filter(entry -> entry.eventId().equals(eventId)).findFirst();
    }

    /** This timeline with one more entry; the caller has checked that its eventId is new. */
    public Timeline with(final TimelineEntry entry) {
        Objects.requireNonNull(entry, "entry");
        final List<TimelineEntry> grown = new ArrayList<>(entries.size() + 1);
        grown.addAll(entries);
        grown.add(entry);
        return new Timeline(changeCount, grown);
    }

    public Timeline withChangeCount(final long count) {
        return new Timeline(count, entries);
    }

    /** What was known at a moment of transaction time: only the entries recorded up to and including it. */
    public Timeline recordedUpTo(final Instant moment) {
        Objects.requireNonNull(moment, "moment");
        return new Timeline(changeCount, entries.stream().filter(entry -> !entry.recordedAt().isAfter(moment)).toList());
    }
}
