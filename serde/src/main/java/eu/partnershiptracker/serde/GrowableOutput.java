package eu.partnershiptracker.serde;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A reusable in-memory output for one thread: unlike ByteArrayOutputStream it takes no lock per write, and after an
 * unusually large record it lets its array go so that a thread does not keep it for good.
 */
final class GrowableOutput extends OutputStream {

    /** Larger arrays than this are not kept between records: records that big are rare and the copy is then small. */
    static final int RETAINED_CAPACITY = 1 << 20;
    private static final int INITIAL_CAPACITY = 4096;

    private byte[] buffer = new byte[INITIAL_CAPACITY];
    private int count;

    @Override
    public void write(final int b) {
        ensureCapacity(count + 1);
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(final byte[] bytes, final int offset, final int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        ensureCapacity(count + length);
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
    }

    /** Starts a new record, keeping the array unless it grew past {@link #RETAINED_CAPACITY}. */
    void reset() {
        if (buffer.length > RETAINED_CAPACITY) {
            buffer = new byte[INITIAL_CAPACITY];
        }
        count = 0;
    }

    /** A copy of what was written since {@link #reset()}. */
    byte[] takeBytes() {
        return Arrays.copyOf(buffer, count);
    }

    int capacity() {
        return buffer.length;
    }

    private void ensureCapacity(final int needed) {
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }
}
