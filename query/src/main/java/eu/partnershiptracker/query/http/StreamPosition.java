package eu.partnershiptracker.query.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a change stream stands: for each partition of the changes topic, the offset of the next record to read. It is
 * the SSE event id ({@code 0:15,1:7,2:3}), so a client reconnecting with Last-Event-ID resumes right after the last
 * change it saw, whatever the partitions' interleaving.
 */
record StreamPosition(Map<Integer, Long> nextOffsets) {

    private static final Pattern FORM = Pattern.compile("\\d+:\\d+(,\\d+:\\d+)*");

    StreamPosition {
        nextOffsets = Map.copyOf(Objects.requireNonNull(nextOffsets, "nextOffsets"));
    }

    /** Reads an event id, throwing IllegalArgumentException when it is not one this API wrote. */
    static StreamPosition parse(final String id) {
        Objects.requireNonNull(id, "id");
        final String text = id.strip();
        if (!FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a stream position (PARTITION:OFFSET,...)");
        }
        final Map<Integer, Long> offsets = new TreeMap<>();
        for (final String pair : text.split(",")) {
            final String[] parts = pair.split(":");
            try {
                offsets.put(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
            } catch (final NumberFormatException e) {
                throw new IllegalArgumentException("'" + id + "' is not a stream position: " + e.getMessage(), e);
            }
        }
        return new StreamPosition(offsets);
    }

    /** The next offset to read in the partition; 0, its very beginning, for a partition this position does not name. */
    long next(final int partition) {
        return nextOffsets.getOrDefault(partition, 0L);
    }

    /** Whether the record at this offset of the partition is still ahead of this position. */
    boolean isBefore(final int partition, final long offset) {
        return offset >= next(partition);
    }

    /** The position right after the record at this offset of the partition. */
    StreamPosition after(final int partition, final long offset) {
        final Map<Integer, Long> moved = new HashMap<>(nextOffsets);
        moved.put(partition, offset + 1);
        return new StreamPosition(moved);
    }

    /** This position, moved forward in every partition where {@code other} is further. */
    StreamPosition atLeast(final StreamPosition other) {
        final Map<Integer, Long> furthest = new HashMap<>(nextOffsets);
        other.nextOffsets.forEach((partition, offset) -> furthest.merge(partition, offset, Math::max));
        return new StreamPosition(furthest);
    }

    String encode() {
        return new TreeMap<>(nextOffsets).entrySet().stream()
                .map(entry -> entry.getKey() + ":" + entry.getValue())
                .collect(Collectors.joining(","));
    }
}
