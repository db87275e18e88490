package eu.partnershiptracker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.core.PartialDates;
import eu.partnershiptracker.model.PartialDate;
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

    /** A date as the source states it: its bounds in EDTF ([2024-07-12..2025-08]) when it has them, else the date. */
    static String when(final JsonNode partialDate, final JsonNode bounds) {
        return isNull(bounds) ? date(partialDate) : bounds.path("edtf").asText();
    }

    /** When an instrument's status step happened: its date, else its bounds. */
    static String since(final JsonNode instrument) {
        final String date = date(instrument.get("statusSince"));
        if (date != null || isNull(instrument.get("notBefore")) && isNull(instrument.get("notAfter"))) {
            return date;
        }
        return DateClaim.bounded(partial(instrument.get("notBefore")), partial(instrument.get("notAfter"))).format();
    }

    /**
     * An instrument's status with how sure it is: "SIGNED", "SIGNED (possible)" when no step is certain, and
     * "NEGOTIATING, possibly SIGNED [2024..2025]" when a later step is only possible.
     */
    static String status(final JsonNode instrument) {
        final StringBuilder status = new StringBuilder(instrument.path("status").asText());
        if ("POSSIBLE".equals(text(instrument.get("certainty")))) {
            status.append(" (possible)");
        }
        final String possible = text(instrument.get("possibleStatus"));
        if (possible != null) {
            status.append(", possibly ").append(possible);
            if (!isNull(instrument.get("possibleBounds"))) {
                status.append(' ').append(when(null, instrument.get("possibleBounds")));
            }
        }
        return status.toString();
    }

    /** "EU:JP", or "EU:JP (Japan)" when the answer names the counterpart. */
    static String partnership(final JsonNode partnership) {
        final String name = text(partnership.get("counterpartName"));
        return partnership.path("key").asText() + (name == null ? "" : " (" + name + ")");
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
        return isNull(value) ? null : value.asText();
    }

    private static PartialDate partial(final JsonNode partialDate) {
        final String date = date(partialDate);
        return date == null ? null : PartialDates.parse(date);
    }

    private static boolean isNull(final JsonNode value) {
        return value == null || value.isNull();
    }

    private static String status(final JsonNode status, final String absent) {
        return status == null || status.isNull() ? absent : status.asText();
    }
}
