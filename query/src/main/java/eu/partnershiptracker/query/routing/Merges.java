package eu.partnershiptracker.query.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.partnershiptracker.core.PartialDates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges the answers of every instance to a query over all partnerships into the one answer a single instance holding
 * everything would give. Works on the JSON the instances exchange (docs/API.md); each instance holds a disjoint share
 * of the partnerships, so lists concatenate and counts add up.
 */
public final class Merges {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Merges() {
    }

    /** {@code {"asOf", "count", "items"}}, items by key. */
    public static JsonNode partnerships(final List<JsonNode> answers) {
        final ObjectNode merged = NODES.objectNode();
        merged.set("asOf", answers.get(0).get("asOf"));
        return withItems(merged, answers, Comparator.comparing(item -> item.path("key").asText()));
    }

    /** {@code {"from", "to", "count", "items"}}, items by date, then key. */
    public static JsonNode changes(final List<JsonNode> answers) {
        final ObjectNode merged = NODES.objectNode();
        merged.set("from", answers.get(0).get("from"));
        merged.set("to", answers.get(0).get("to"));
        return withItems(merged, answers, Comparator
                .comparing((JsonNode item) -> firstDay(item.path("date")))
                .thenComparing(item -> item.path("key").asText()));
    }

    /** {@code {"asOf", "partnerships", "byActor", "byInstrument", "byStatus"}}, every count summed. */
    public static JsonNode stats(final List<JsonNode> answers) {
        final ObjectNode merged = NODES.objectNode();
        merged.set("asOf", answers.get(0).get("asOf"));
        merged.put("partnerships", answers.stream().mapToInt(answer -> answer.path("partnerships").asInt()).sum());
        for (final String breakdown : List.of("byActor", "byInstrument", "byStatus")) {
            final Map<String, Integer> sums = new TreeMap<>();
            answers.forEach(answer -> answer.path(breakdown).properties()
                    .forEach(entry -> sums.merge(entry.getKey(), entry.getValue().asInt(), Integer::sum)));
            final ObjectNode counts = merged.putObject(breakdown);
            sums.forEach(counts::put);
        }
        return merged;
    }

    /**
     * {@code {"points": [{"year", "signed", "inForce"}]}}. Each instance's points are running totals over its own
     * span of years: before its first point it counts nothing, after its last it keeps its last totals.
     */
    public static JsonNode statsTimeline(final List<JsonNode> answers) {
        final List<TreeMap<Integer, JsonNode>> series = new ArrayList<>();
        final TreeSet<Integer> years = new TreeSet<>();
        for (final JsonNode answer : answers) {
            final TreeMap<Integer, JsonNode> byYear = new TreeMap<>();
            answer.path("points").forEach(point -> byYear.put(point.path("year").asInt(), point));
            series.add(byYear);
            years.addAll(byYear.keySet());
        }
        final ObjectNode merged = NODES.objectNode();
        final ArrayNode points = merged.putArray("points");
        if (years.isEmpty()) {
            return merged;
        }
        for (int year = years.first(); year <= years.last(); year++) {
            final int upTo = year;
            points.addObject()
                    .put("year", year)
                    .put("signed", series.stream().mapToInt(s -> latest(s, upTo, "signed")).sum())
                    .put("inForce", series.stream().mapToInt(s -> latest(s, upTo, "inForce")).sum());
        }
        return merged;
    }

    private static int latest(final TreeMap<Integer, JsonNode> series, final int year, final String field) {
        final Map.Entry<Integer, JsonNode> point = series.floorEntry(year);
        return point == null ? 0 : point.getValue().path(field).asInt();
    }

    private static JsonNode withItems(final ObjectNode merged, final List<JsonNode> answers,
            final Comparator<JsonNode> order) {
        final List<JsonNode> items = new ArrayList<>();
        answers.forEach(answer -> answer.path("items").forEach(items::add));
        items.sort(order);
        merged.put("count", items.size());
        merged.putArray("items").addAll(items);
        return merged;
    }

    private static LocalDate firstDay(final JsonNode partialDate) {
        return PartialDates.parse(partialDate.path("date").asText()).getDate();
    }
}
