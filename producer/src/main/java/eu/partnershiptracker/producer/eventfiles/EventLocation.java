package eu.partnershiptracker.producer.eventfiles;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an event stands in its file, so that every error can point a curator at the exact spot.
 *
 * @param file  the event file
 * @param index the event's 1-based position in the file's {@code events} list
 * @param line  the 1-based line where the event starts
 * @param id    the event's id when it has a readable one, otherwise {@code null}
 */
public record EventLocation(Path file, int index, int line, String id) {

    public EventLocation {
        Objects.requireNonNull(file, "file");
    }

    /** Renders as {@code file: event #3 (line 27, id eu-jp-sdp-signed)}. */
    public String describe() {
        final String idPart = id == null ? "" : ", id " + id;
        return file + ": event #" + index + " (line " + line + idPart + ")";
    }
}
