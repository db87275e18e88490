package eu.partnershiptracker.streams;

import java.util.Objects;

/**
 * A task's accepted event ids, kept as 32-bit hashes of (partnership, eventId) in one open-addressing table, so that
 * the duplicate check of a new event, the common case, needs no store read: a pair whose hash is absent was certainly
 * never accepted; a pair whose hash is present may have been (or shares the hash with one that was), and only then does
 * the caller read the rows. It never answers "absent" for an added pair, which is what keeps the check exact.
 *
 * <p>Memory: 4 bytes a slot at a load between 3/8 and 3/4, so 5.3 to 10.7 bytes per event, and no per-partnership
 * object. The table grows by doubling as the init scan or new events add ids, an amortised copy of under one slot per
 * event. Ids are never removed: rows are never deleted (a retraction is an event of its own).
 */
final class KnownEventIds {

    private static final int INITIAL_CAPACITY = 16;
    private static final int MAX_CAPACITY = 1 << 30;
    /** Fibonacci hashing spreads hashes that differ only in high bits, as String hashes often do, over the slots. */
    private static final int SPREAD = 0x9E3779B9;

    /** Slots hold hashes; 0 marks an empty slot, so the hash 0 is remembered apart. */
    private int[] slots = new int[INITIAL_CAPACITY];
    private int size;
    private boolean holdsZero;

    /** False only if this partnership's event id was certainly never {@link #add added}. */
    boolean mightContain(final String partnership, final String eventId) {
        final int hash = hash(partnership, eventId);
        if (hash == 0) {
            return holdsZero;
        }
        return slots[probe(slots, hash)] == hash;
    }

    void add(final String partnership, final String eventId) {
        final int hash = hash(partnership, eventId);
        if (hash == 0) {
            holdsZero = true;
            return;
        }
        if (insert(slots, hash)) {
            size++;
            if (size > slots.length / 4 * 3) {
                grow();
            }
        }
    }

    /**
     * The pair's hash. String hashes are cached in the strings and stable; mixing the partnership's in keeps equal ids
     * of different partnerships apart most of the time (when not, the caller's exact check sorts them out).
     */
    static int hash(final String partnership, final String eventId) {
        Objects.requireNonNull(partnership, "partnership");
        Objects.requireNonNull(eventId, "eventId");
        return partnership.hashCode() * SPREAD + eventId.hashCode();
    }

    private void grow() {
        if (slots.length == MAX_CAPACITY) {
            throw new IllegalStateException("a task holds more than " + size + " event ids; give it more partitions");
        }
        final int[] larger = new int[slots.length * 2];
        for (final int hash : slots) {
            if (hash != 0) {
                insert(larger, hash);
            }
        }
        slots = larger;
    }

    /** Puts a non-zero hash into its slot; false if it was there already. */
    private static boolean insert(final int[] table, final int hash) {
        final int slot = probe(table, hash);
        if (table[slot] == hash) {
            return false;
        }
        table[slot] = hash;
        return true;
    }

    /** The slot that holds the non-zero hash, or else the empty slot where it would go (linear probing). */
    private static int probe(final int[] table, final int hash) {
        final int mask = table.length - 1;
        // The high bits of the product are the well-mixed ones; rotate them down before masking.
        int slot = Integer.rotateLeft(hash * SPREAD, 16) & mask;
        while (table[slot] != hash && table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
