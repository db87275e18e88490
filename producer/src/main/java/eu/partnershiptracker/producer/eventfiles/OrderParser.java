package eu.partnershiptracker.producer.eventfiles;

import com.fasterxml.jackson.databind.JsonNode;
import eu.partnershiptracker.core.orders.StatedOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one entry of an event file's {@code orders} list into a {@link StatedOrder} (format: docs/EVENT-FILES.md,
 * "Orders"), checking its fields on their own; whether its steps exist and can be ordered is for {@link EventFiles}.
 */
final class OrderParser {

    private static final Set<String> FIELDS = Set.of("id", "source", "quote", "locator", "steps");

    /** The order if it was well-formed, and the problems found. */
    record Outcome(Optional<SourcedOrder> order, List<Problem> problems) {
    }

    Outcome parse(final JsonNode node, final JsonNode defaults, final Path file, final int index, final int line) {
        final String id = node.path("id").isTextual() ? node.path("id").asText().strip() : null;
        final String where = SourcedOrder.where(index, line, id);
        final List<Problem> problems = new ArrayList<>();
        if (!node.isObject()) {
            return new Outcome(Optional.empty(), List.of(Problem.inFile(file, where + ": an order must be a mapping")));
        }
        for (final Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            final String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(Problem.inFile(file, where + ": field '" + name
                        + "': unknown field (known fields: " + FIELDS.stream().sorted().toList() + ")"));
            }
        }
        final String source = text(node, "source", defaults, file, where, problems, true);
        final String quote = text(node, "quote", null, file, where, problems, true);
        final String locator = text(node, "locator", null, file, where, problems, false);
        text(node, "id", null, file, where, problems, true);
        final List<List<String>> groups = groups(node.path("steps"), file, where, problems);
        if (!problems.isEmpty()) {
            return new Outcome(Optional.empty(), problems);
        }
        try {
            return new Outcome(Optional.of(new SourcedOrder(new StatedOrder(id, source, quote, locator, groups), file,
                    index, line)), List.of());
        } catch (final IllegalArgumentException e) {
            return new Outcome(Optional.empty(), List.of(Problem.inFile(file, where + ": field 'steps': "
                    + e.getMessage())));
        }
    }

    private static String text(final JsonNode node, final String field, final JsonNode defaults, final Path file,
            final String where, final List<Problem> problems, final boolean required) {
        JsonNode value = node.get(field);
        if ((value == null || value.isNull()) && defaults != null) {
            value = defaults.get(field);
        }
        if (value == null || value.isNull() || value.isValueNode() && value.asText().isBlank()) {
            if (required) {
                problems.add(Problem.inFile(file, where + ": field '" + field + "': is required"));
            }
            return null;
        }
        if (!value.isValueNode()) {
            problems.add(Problem.inFile(file, where + ": field '" + field + "': must be a single value"));
            return null;
        }
        return value.asText().strip();
    }

    /** Each element is an event id, or a list of event ids that the source puts in no order among themselves. */
    private static List<List<String>> groups(final JsonNode steps, final Path file, final String where,
            final List<Problem> problems) {
        final String field = where + ": field 'steps': ";
        if (!steps.isArray() || steps.size() < 2) {
            problems.add(Problem.inFile(file, field + "must be a list of at least two steps, each an event id or a"
                    + " list of event ids"));
            return List.of();
        }
        final List<List<String>> groups = new ArrayList<>();
        for (final JsonNode step : steps) {
            final List<String> group = new ArrayList<>();
            for (final JsonNode id : step.isArray() ? step : List.of(step)) {
                if (!id.isTextual() || id.asText().isBlank()) {
                    problems.add(Problem.inFile(file, field + "'" + id + "' is not an event id"));
                } else {
                    group.add(id.asText().strip());
                }
            }
            groups.add(group);
        }
        return groups;
    }
}
