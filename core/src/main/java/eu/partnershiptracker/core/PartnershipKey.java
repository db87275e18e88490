package eu.partnershiptracker.core;

import eu.partnershiptracker.model.PolicyEvent;
import java.util.Objects;

/**
 * The partnership key {@code ACTOR:COUNTERPART}: the Kafka record key of every event, change and state of one
 * partnership, the key of its store entries, and how the API and the command line name it. Built and read here only.
 *
 * @param actor       the acting organisation's code, e.g. {@code EU}
 * @param counterpart the counterpart's code, e.g. {@code JP}
 */
public record PartnershipKey(String actor, String counterpart) {

    private static final String SEPARATOR = ":";

    public PartnershipKey {
        requirePart(actor, "actor");
        requirePart(counterpart, "counterpart");
    }

    /** The key of the partnership an event belongs to. */
    public static String of(final PolicyEvent event) {
        Objects.requireNonNull(event, "event");
        return of(event.getActor().name(), event.getCounterpart());
    }

    /** {@code ACTOR:COUNTERPART}. */
    public static String of(final String actor, final String counterpart) {
        return new PartnershipKey(actor, counterpart).toString();
    }

    /**
     * Reads {@code ACTOR:COUNTERPART}.
     *
     * @throws IllegalArgumentException naming the text when it is not a partnership key
     */
    public static PartnershipKey parse(final String text) {
        Objects.requireNonNull(text, "text");
        final String[] parts = text.split(SEPARATOR, -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a partnership: write ACTOR:COUNTERPART, e.g. EU:JP");
        }
        return new PartnershipKey(parts[0], parts[1]);
    }

    @Override
    public String toString() {
        return actor + SEPARATOR + counterpart;
    }

    private static void requirePart(final String part, final String name) {
        Objects.requireNonNull(part, name);
        if (part.isBlank() || part.contains(SEPARATOR)) {
            throw new IllegalArgumentException("a partnership's " + name + " must be a code without '" + SEPARATOR
                    + "', got '" + part + "'");
        }
    }
}
