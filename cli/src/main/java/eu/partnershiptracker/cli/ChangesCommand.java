package eu.partnershiptracker.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.query.client.ApiClient;
import eu.partnershiptracker.query.client.ServerSentEvents;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code changes}: the replay of all partnerships in valid time between two dates, or with {@code --follow} the
 * changes as the tracker records them, until Ctrl-C.
 */
@Command(name = "changes", mixinStandardHelpOptions = true,
        description = {"Replay how every partnership changed between two dates (by event date), or follow the changes "
                + "as they are recorded (--follow, until Ctrl-C).",
                "Exit codes: 0 done, 1 refused query, 2 bad command line, 3 tracker unavailable."})
public final class ChangesCommand implements Callable<Integer> {

    /** Live changes cannot be measured before printing, so their columns have fixed widths. */
    private static final String LIVE_ROW = "%-24s  %-12s  %-9s  %-10s  %s%n";

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = QueryTimeConverters.Day.class,
            description = "First event date to include (default: the beginning).")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = QueryTimeConverters.Day.class,
            description = "Last event date to include (default: no end).")
    private LocalDate to;

    @Option(names = "--known-at", paramLabel = "INSTANT", converter = QueryTimeConverters.KnownAt.class,
            description = "Replay only the events recorded up to this instant (ISO-8601, e.g. 2025-01-31T12:00:00Z; a "
                    + "date means the end of that day, month or year in UTC).")
    private Instant knownAt;

    @Option(names = "--follow", description = "Stream changes as they are recorded instead of replaying.")
    private boolean follow;

    @Mixin
    private ApiOptions api;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (!follow) {
            final Map<String, Object> parameters = new HashMap<>();
            parameters.put("from", from);
            parameters.put("to", to);
            parameters.put("knownAt", knownAt);
            return api.print(spec, "/api/changes", parameters, ChangesCommand::printReplay);
        }
        if (from != null || to != null || knownAt != null) {
            throw new ParameterException(spec.commandLine(), "--follow shows changes as they are recorded and cannot"
                    + " be combined with --from, --to or --known-at");
        }
        final PrintWriter out = spec.commandLine().getOut();
        if (!api.json()) {
            out.printf(LIVE_ROW, "RECORDED", "PARTNERSHIP", "OPERATION", "EFFECTIVE", "CHANGES");
            out.flush();
        }
        final ApiClient client = api.client();
        try {
            client.stream("/api/changes/stream", event -> printChange(out, client, event));
            return ExitCodes.OK;
        } catch (final ApiClient.ApiCallException e) {
            return ApiOptions.failed(spec, e);
        }
    }

    private static void printReplay(final PrintWriter out, final JsonNode answer) {
        final TextTable table = new TextTable("DATE", "PARTNERSHIP", "CHANGES", "EVENTS");
        for (final JsonNode step : answer.path("items")) {
            final StringBuilder events = new StringBuilder();
            step.path("eventIds").forEach(id -> events.append(events.isEmpty() ? "" : ", ").append(id.asText()));
            table.row(Render.when(step.get("date"), step.get("bounds")), step.path("key").asText(),
                    Render.transitions(step.path("transitions")), events.toString());
        }
        table.print(out);
        out.printf("%d steps%n", answer.path("count").asInt());
    }

    private void printChange(final PrintWriter out, final ApiClient client, final ServerSentEvents.Event event) {
        if (api.json()) {
            out.println(event.data());
        } else {
            try {
                final JsonNode change = client.mapper().readTree(event.data());
                out.printf(LIVE_ROW, change.path("recordedAt").asText(),
                        PartnershipKey.of(change.path("actor").asText(), change.path("counterpart").asText()),
                        change.path("operation").asText(),
                        Render.when(change.get("effectiveDate"), change.get("effectiveBounds")),
                        Render.transitions(change.path("transitions")));
            } catch (final JsonProcessingException e) {
                throw new UncheckedIOException("the change stream sent something that is not JSON", e);
            }
        }
        out.flush();
    }
}
