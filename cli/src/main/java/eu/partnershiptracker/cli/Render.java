package eu.partnershiptracker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Short text forms of the API's JSON values for tables. */
final class Render {

    private Render() {
    }

    /** A partial date as the API wrote it (2024, 2024-05, 2024-05-21), or null. */
    static String date(final JsonNode partialDate) {
        return partialDate == null || partialDate.isNull() ? null : partialDate.path("date").asText();
    }

    /** "SDP" or, when the partnership has several of one type, "JOINT_DECLARATION 2018". */
    static String instrument(final JsonNode type, final JsonNode key) {
        return type.asText() + (key == null || key.isNull() ? "" : " " + key.asText());
    }

    /** "SDP: NEGOTIATING -> SIGNED; FPA: new -> SIGNED". */
    static String transitions(final JsonNode transitions) {
        final List<String> parts = new ArrayList<>();
        for (final JsonNode transition : transitions) {
            parts.add(instrument(transition.path("instrument"), transition.get("instrumentKey")) + ": "
                    + status(transition.get("from"), "new") + " -> " + status(transition.get("to"), "gone"));
        }
        return parts.isEmpty() ? "-" : String.join("; ", parts);
    }

    static String text(final JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String status(final JsonNode status, final String absent) {
        return status == null || status.isNull() ? absent : status.asText();
    }
}
