package eu.partnershiptracker.producer.eventfiles;

import com.fasterxml.jackson.databind.JsonNode;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PolicyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Completes a parsed event with the names of the reference lists: its counterpart's display name and its instrument's
 * name, so that every reader of event files (validate, publish, the demo, the quality report) gets named events.
 *
 * <p>It also holds OTHER to account: an event whose instrument no type fits says why in {@code typeReason}, and only
 * such an event may. A name is looked up, never made up, so a key that names no instrument is an error.
 */
final class EventNaming {

    static final String TYPE_REASON = "typeReason";

    private final ReferenceData reference;

    EventNaming(final ReferenceData reference) {
        this.reference = Objects.requireNonNull(reference, "reference");
    }

    /** The outcome of parsing {@code node}, its event named, or with the problems that keep it from being named. */
    EventParser.Outcome name(final JsonNode node, final EventParser.Outcome parsed) {
        Objects.requireNonNull(node, "node");
        if (parsed.event().isEmpty()) {
            return parsed;
        }
        final SourcedEvent sourced = parsed.event().get();
        final PolicyEvent event = sourced.event();
        final List<Problem> problems = new ArrayList<>();
        checkTypeReason(node, event.getInstrument(), sourced.location(), problems);
        String instrumentName = null;
        try {
            instrumentName = reference.instrumentNames().name(event.getInstrument().name(), event.getInstrumentKey(),
                    sourced.partnershipKey());
        } catch (final IllegalArgumentException e) {
            problems.add(Problem.inEvent(sourced.location(), "key", e.getMessage()));
        }
        if (!problems.isEmpty()) {
            return new EventParser.Outcome(Optional.empty(), problems);
        }
        final PolicyEvent named = PolicyEvent.newBuilder(event)
                .setCounterpartName(reference.counterpartName(event.getActor().name(), event.getCounterpart()))
                .setInstrumentName(instrumentName)
                .build();
        return new EventParser.Outcome(Optional.of(new SourcedEvent(named, sourced.location())), List.of());
    }

    private static void checkTypeReason(final JsonNode node, final InstrumentType type, final EventLocation at,
            final List<Problem> problems) {
        final JsonNode reason = node.path(TYPE_REASON);
        final boolean given = reason.isValueNode() && !reason.asText().isBlank();
        if (!reason.isMissingNode() && !reason.isNull() && !given) {
            problems.add(Problem.inEvent(at, TYPE_REASON, "must be a non-empty text"));
        } else if (type == InstrumentType.OTHER && !given) {
            problems.add(Problem.inEvent(at, "instrument", "instrument OTHER needs a 'typeReason' saying why no"
                    + " type of data/reference/instruments.yaml fits"));
        } else if (type != InstrumentType.OTHER && given) {
            problems.add(Problem.inEvent(at, TYPE_REASON, "only an event of instrument OTHER gives a typeReason;"
                    + " this one is typed " + type));
        }
    }
}
