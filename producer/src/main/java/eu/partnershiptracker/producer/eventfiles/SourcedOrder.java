package eu.partnershiptracker.producer.eventfiles;

import eu.partnershiptracker.core.orders.StatedOrder;
import java.nio.file.Path;
import java.util.Objects;

/** A stated order together with the place in an event file it came from, so that every error can point at it. */
public record SourcedOrder(StatedOrder order, Path file, int index, int line) {

    public SourcedOrder {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(file, "file");
    }

    /** A problem with this order, rendered as {@code file: order #1 (line 40, id x): field 'steps': ...}. */
    Problem problem(final String field, final String message) {
        return Problem.inFile(file, where(index, line, order.id()) + ": field '" + field + "': " + message);
    }

    static String where(final int index, final int line, final String id) {
        return "order #" + index + " (line " + line + (id == null ? "" : ", id " + id) + ")";
    }
}
