package eu.partnershiptracker.producer.eventfiles;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with the input, located precisely enough to fix: a file, and where known the event and the field.
 */
public record Problem(Path file, EventLocation event, String field, String message) {

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    public static Problem inFile(final Path file, final String message) {
        return new Problem(file, null, null, message);
    }

    public static Problem inEvent(final EventLocation event, final String field, final String message) {
        Objects.requireNonNull(event, "event");
        return new Problem(event.file(), event, field, message);
    }

    /** Renders as {@code file: event #3 (line 27, id x): field 'date': impossible date '2024-02-30'}. */
    @Override
    public String toString() {
        final String where = event == null ? file.toString() : event.describe();
        final String what = field == null ? message : "field '" + field + "': " + message;
        return where + ": " + what;
    }
}
