package eu.partnershiptracker.producer.eventfiles;

import com.fasterxml.jackson.databind.JsonNode;
import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.Correction;
import eu.partnershiptracker.model.CorrectionType;
import eu.partnershiptracker.model.DatePrecision;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.model.Provenance;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns one event mapping of an event file into a {@link PolicyEvent}, checking every field on its own.
 *
 * <p>Checks that need more than one event (duplicate ids, correction targets) belong to
 * {@link eu.partnershiptracker.producer.eventfiles.EventSetValidator}.
 */
final class EventParser {

    /** Fields a file's {@code defaults} block may set for all its events. */
    static final Set<String> DEFAULTABLE = Set.of("actor", "source");

    private static final Set<String> FIELDS = Set.of("id", "actor", "counterpart", "instrument", "key", "kind",
            "date", "precision", "source", "quote", "locator", "title", "areas", "notes", "corrects", "retracts",
            "reason", EventNaming.TYPE_REASON);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");

    private final ReferenceData reference;

    EventParser(final ReferenceData reference) {
        this.reference = Objects.requireNonNull(reference, "reference");
    }

    /** The event if every field was sound, and the problems found (empty exactly when the event is present). */
    record Outcome(Optional<SourcedEvent> event, List<Problem> problems) {
    }

    /** The id to name an event by in messages, if it has a usable one. */
    static String readableId(final JsonNode node) {
        final JsonNode id = node.path("id");
        return id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
    }

    Outcome parse(final JsonNode node, final JsonNode defaults, final EventLocation at) {
        final Fields fields = new Fields(node, defaults, at);
        if (!node.isObject()) {
            fields.problem(null, "an event must be a mapping of fields");
            return new Outcome(Optional.empty(), fields.problems);
        }
        rejectUnknownFields(node, fields);
        final PolicyEvent.Builder event = PolicyEvent.newBuilder();
        readIdentity(fields, event);
        readDate(fields, event);
        readProvenance(fields, event);
        readDescription(fields, event);
        readCorrection(fields, event);
        if (!fields.problems.isEmpty()) {
            return new Outcome(Optional.empty(), fields.problems);
        }
        return new Outcome(Optional.of(new SourcedEvent(event.build(), at)), List.of());
    }

    private static void rejectUnknownFields(final JsonNode node, final Fields fields) {
        for (final Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            final String name = names.next();
            if (!FIELDS.contains(name)) {
                fields.problem(name, "unknown field (known fields: see docs/EVENT-FILES.md)");
            }
        }
    }

    /** What the event is about: its id, the partnership, the instrument and what happened to it. */
    private void readIdentity(final Fields fields, final PolicyEvent.Builder event) {
        ifPresent(fields.required("id", EventParser::id), event::setEventId);
        ifPresent(fields.required("actor", value -> code(value, reference.actors(), "actor", Actor::valueOf)),
                event::setActor);
        ifPresent(fields.required("counterpart", value -> code(value, reference.counterparts(), "counterpart",
                Function.identity())), event::setCounterpart);
        if (event.hasActor() && event.hasCounterpart() && event.getActor().name().equals(event.getCounterpart())) {
            // EU is a counterpart only of NATO's own acts towards it (docs/DATA.md, "Actor and counterpart").
            fields.problem("counterpart", "the actor " + event.getActor() + " cannot be its own counterpart");
        }
        ifPresent(fields.required("instrument", value -> code(value, reference.instruments(), "instrument",
                InstrumentType::valueOf)), event::setInstrument);
        event.setInstrumentKey(fields.optional("key", Function.identity()));
        ifPresent(fields.required("kind", value -> code(value, reference.kinds(), "kind", EventKind::valueOf)),
                event::setKind);
    }

    /**
     * The date: exact, in the form that is its precision (a stated precision must agree with the form), or bounds in
     * EDTF's set notation, which have no single precision.
     */
    private static void readDate(final Fields fields, final PolicyEvent.Builder event) {
        if (fields.node.path("date").isArray()) {
            fields.problem("date", "bounds must be quoted, or YAML reads them as a list: date: \"[..2025-08]\"");
            return;
        }
        final DateClaim date = fields.required("date", DateClaim::parse);
        final DatePrecision precision = fields.optional("precision", EventParser::precision);
        if (date != null && precision != null && date.isBounded()) {
            fields.problem("precision", "precision applies to an exact date, not to the bounds '"
                    + fields.text("date") + "'; each bound is given in the form of its own precision");
        } else if (date != null && precision != null && precision != date.exact().getPrecision()) {
            fields.problem("precision", "precision " + precision + " does not match the date '"
                    + fields.text("date") + "', which is given to the " + date.exact().getPrecision()
                    .name().toLowerCase(Locale.ROOT));
        }
        if (date != null) {
            event.setEventDate(date.exact());
            event.setDateBounds(date.bounds());
        }
    }

    /** Where the event is stated: every event needs its source and a verbatim quote. */
    private static void readProvenance(final Fields fields, final PolicyEvent.Builder event) {
        final String source = fields.required("source", Function.identity());
        final String quote = fields.required("quote", Function.identity());
        if (source != null && quote != null) {
            event.setProvenance(new Provenance(source, quote, fields.optional("locator", Function.identity())));
        }
    }

    private static void readDescription(final Fields fields, final PolicyEvent.Builder event) {
        event.setTitle(fields.optional("title", Function.identity()))
                .setAreas(fields.list("areas"))
                .setNotes(fields.optional("notes", Function.identity()));
    }

    /** An event may correct or retract one earlier event, with a reason. */
    private static void readCorrection(final Fields fields, final PolicyEvent.Builder event) {
        final String corrects = fields.optional("corrects", Function.identity());
        final String retracts = fields.optional("retracts", Function.identity());
        if (corrects != null && retracts != null) {
            fields.problem("retracts", "an event may set 'corrects' or 'retracts', not both");
            return;
        }
        final String reason = fields.optional("reason", Function.identity());
        if (corrects != null) {
            event.setCorrection(new Correction(corrects, CorrectionType.CORRECTS, reason));
        } else if (retracts != null) {
            event.setCorrection(new Correction(retracts, CorrectionType.RETRACTS, reason));
        }
    }

    private static String id(final String value) {
        if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value
                    + "' is not a valid id: use lower-case letters, digits, '.', '_' and '-', at most 128");
        }
        return value;
    }

    /** Sets a field that was read without problems; a missing one has been reported, and the event is not built. */
    private static <T> void ifPresent(final T value, final Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static DatePrecision precision(final String value) {
        try {
            return DatePrecision.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown precision '" + value + "' (use DAY, MONTH or YEAR)", e);
        }
    }

    private static <T> T code(final String value, final Set<String> known, final String what,
            final Function<String, T> convert) {
        if (!known.contains(value)) {
            throw new IllegalArgumentException("unknown " + what + " code '" + value
                    + "' (the known codes are in data/reference)");
        }
        try {
            return convert.apply(value);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " code '" + value
                    + "' is in data/reference but not in the Avro schema", e);
        }
    }

    /** Reads the fields of one event, falling back to the file's defaults, and collects what is wrong with them. */
    private static final class Fields {

        private final JsonNode node;
        private final JsonNode defaults;
        private final EventLocation at;
        private final List<Problem> problems = new ArrayList<>();

        Fields(final JsonNode node, final JsonNode defaults, final EventLocation at) {
            this.node = node;
            this.defaults = defaults;
            this.at = at;
        }

        void problem(final String field, final String message) {
            problems.add(Problem.inEvent(at, field, message));
        }

        String text(final String field) {
            JsonNode value = node.get(field);
            if ((value == null || value.isNull()) && DEFAULTABLE.contains(field)) {
                value = defaults.get(field);
            }
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isValueNode()) {
                problem(field, "must be a single value, not a " + value.getNodeType().name().toLowerCase(Locale.ROOT));
                return null;
            }
            final String text = value.asText().strip();
            return text.isEmpty() ? null : text;
        }

        <T> T required(final String field, final Function<String, T> convert) {
            final int before = problems.size();
            final String text = text(field);
            if (text == null) {
                if (problems.size() == before) {
                    problem(field, field.equals("source") || field.equals("quote")
                            ? "missing provenance: every event needs a 'source' and a verbatim 'quote'"
                            : "is required");
                }
                return null;
            }
            return convert(field, text, convert);
        }

        <T> T optional(final String field, final Function<String, T> convert) {
            final String text = text(field);
            return text == null ? null : convert(field, text, convert);
        }

        private <T> T convert(final String field, final String text, final Function<String, T> convert) {
            try {
                return convert.apply(text);
            } catch (final IllegalArgumentException e) {
                problem(field, e.getMessage());
                return null;
            }
        }

        List<String> list(final String field) {
            final JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                problem(field, "must be a list, e.g. [maritime security, cyber]");
                return List.of();
            }
            final List<String> items = new ArrayList<>();
            for (final JsonNode item : value) {
                if (!item.isValueNode() || item.asText().isBlank()) {
                    problem(field, "every item must be a non-empty text");
                } else {
                    items.add(item.asText().strip());
                }
            }
            return items;
        }
    }
}
