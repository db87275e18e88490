package eu.partnershiptracker.producer.publish;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The records on the events topic that could not be read as events: how many, where they are (each partition's first
 * and last such offset) and why the first one failed. Enough for an operator to see whether the registry lost its
 * schemas (every record, one unknown schema id) or the topic holds something foreign (a few records, bad bytes).
 */
public final class UnreadableRecords {

    private final Map<Integer, Span> spans = new TreeMap<>();
    private int count;
    private String firstReason;

    /** The first and last unreadable offset of one partition, and how many lie between them. */
    private record Span(long first, long last, int count) {

        Span including(final long offset) {
            return new Span(Math.min(first, offset), Math.max(last, offset), count + 1);
        }

        @Override
        public String toString() {
            return first == last ? "offset " + first : count + " records, offsets " + first + "-" + last;
        }
    }

    /** Notes one record that could not be read, at that partition and offset, and why. */
    public void add(final int partition, final long offset, final String reason) {
        Objects.requireNonNull(reason, "reason");
        spans.merge(partition, new Span(offset, offset, 1), (known, added) -> known.including(offset));
        if (count == 0) {
            firstReason = "partition " + partition + ", offset " + offset + ": " + reason;
        }
        count++;
    }

    public int count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** E.g. {@code partition 0 (12 records, offsets 0-11), partition 2 (offset 5)}; empty when there are none. */
    public String where() {
        return spans.entrySet().stream()
                .map(span -> "partition " + span.getKey() + " (" + span.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    /** Why the first unreadable record (in read order) failed, with its position; null when there are none. */
    public String firstReason() {
        return firstReason;
    }
}
