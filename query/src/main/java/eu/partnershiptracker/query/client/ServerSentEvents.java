package eu.partnershiptracker.query.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Objects;

/**
 * Reads the Server-Sent Events wire format (the HTML standard's "event stream"): fields until a blank line; a line
 * starting with ':' is a comment. The one parser of it in the project, for the command line and the tests alike.
 */
public final class ServerSentEvents {

    private static final String DEFAULT_NAME = "message";

    /** One event: the last id seen (the stream position), its name and its data. */
    public record Event(String id, String name, String data) {
    }

    /** What a stream delivers; comments, such as heartbeats, only to listeners that want them. */
    public interface Listener {

        void event(Event event);

        default void comment(final String text) {
        }
    }

    private ServerSentEvents() {
    }

    /** Reads until the stream ends, handing every event and comment to the listener as it arrives. */
    public static void read(final BufferedReader lines, final Listener listener) throws IOException {
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(listener, "listener");
        String id = null;
        String name = DEFAULT_NAME;
        final StringBuilder data = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    listener.event(new Event(id, name, data.toString()));
                }
                name = DEFAULT_NAME;
                data.setLength(0);
            } else if (line.startsWith(":")) {
                listener.comment(value(line.substring(1)));
            } else {
                final int colon = line.indexOf(':');
                final String field = colon < 0 ? line : line.substring(0, colon);
                final String value = colon < 0 ? "" : value(line.substring(colon + 1));
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> name = value;
                    case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
                    default -> {
                        // Fields this reader has no use for (retry) are ignored, as the standard asks.
                    }
                }
            }
        }
    }

    /** The standard drops one space after the colon. */
    private static String value(final String afterColon) {
        return afterColon.startsWith(" ") ? afterColon.substring(1) : afterColon;
    }
}
