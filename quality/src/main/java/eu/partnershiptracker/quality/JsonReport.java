package eu.partnershiptracker.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.model.Claim;
import eu.partnershiptracker.model.Conflict;
import java.util.Map;
import java.util.Objects;

/** The quality report as JSON, for scripts: the same content as {@link TextReport}, plus each figure's matches. */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(final QualityReport report) {
        Objects.requireNonNull(report, "report");
        final ObjectNode root = JSON.createObjectNode();
        root.put("events", report.events());
        root.put("boundedEvents", report.boundedEvents());
        counts(root.putObject("byActor"), report.byActor());
        counts(root.putObject("byInstrument"), report.byInstrument());
        counts(root.putObject("byYear"), report.byYear());
        counts(root.putObject("byPrecision"), report.byPrecision());
        final ArrayNode conflicts = root.putArray("conflicts");
        report.conflicts().forEach(each -> conflict(conflicts.addObject(), each));
        counts(root.putObject("conflictsByType"), report.conflictsByType());
        root.put("undatedFacts", report.undatedFacts());
        root.put("unrealisedSteps", report.unrealisedSteps());
        final ObjectNode excluded = root.putObject("excluded");
        excluded.put("total", report.excluded().total());
        counts(excluded.putObject("byReason"), report.excluded().byCategory());
        final ObjectNode figures = root.putObject("figures");
        figures.put("checked", report.figures().size());
        figures.put("reproduced", report.figures().size() - report.failingFigures().size());
        figures.put("unreproducible", report.unreproducibleFigures());
        final ArrayNode results = figures.putArray("results");
        report.figures().forEach(result -> {
            final ObjectNode node = results.addObject();
            node.put("id", result.figure().id());
            node.put("source", result.figure().source());
            node.put("asked", result.figure().count().asked());
            node.put("expected", result.figure().expected());
            node.put("counted", result.actual());
            node.put("reproduced", result.reproduced());
            result.matching().forEach(node.putArray("matching")::add);
        });
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot render the report as JSON", e);
        }
    }

    private static void counts(final ObjectNode node, final Map<?, Long> counts) {
        counts.forEach((key, count) -> node.put(String.valueOf(key), count));
    }

    private static void conflict(final ObjectNode node, final PartnershipTimelines.PartnershipConflict each) {
        final Conflict conflict = each.conflict();
        node.put("partnership", each.partnership());
        node.put("instrument", conflict.getInstrument().name());
        node.put("key", conflict.getInstrumentKey());
        node.put("kind", conflict.getKind().name());
        node.put("type", conflict.getType().name());
        node.put("chosenEventId", conflict.getChosenEventId());
        node.put("rule", conflict.getRule());
        final ArrayNode claims = node.putArray("claims");
        for (final Claim claim : conflict.getClaims()) {
            final ObjectNode claimNode = claims.addObject();
            claimNode.put("eventId", claim.getEventId());
            claimNode.put("date", DateClaim.of(claim).map(DateClaim::format).orElse(null));
            claimNode.put("statement", claim.getStatement());
            claimNode.put("source", claim.getSource());
        }
    }
}
