package eu.partnershiptracker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.query.CertaintyFilter;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code state [ACTOR:COUNTERPART]}: the state of every partnership, or of one with its timeline, from the API. */
@Command(name = "state", mixinStandardHelpOptions = true,
        description = {"Show the state of every partnership, or of one with its events, as a running tracker serves it.",
                "Exit codes: 0 done, 1 unknown partnership or refused query, 2 bad command line, "
                        + "3 tracker unavailable."})
public final class StateCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "ACTOR:COUNTERPART", description = "One partnership, e.g. EU:JP.")
    private String partnership;

    @Option(names = "--as-of", paramLabel = "YYYY[-MM[-DD]]", converter = QueryTimeConverters.AsOf.class,
            description = "The state as the events dated up to this day describe it; a year or a month means its last"
                    + " day (default: now).")
    private LocalDate asOf;

    @Option(names = "--known-at", paramLabel = "INSTANT", converter = QueryTimeConverters.KnownAt.class,
            description = "The state as the tracker knew it then, from the events recorded up to this instant "
                    + "(ISO-8601, e.g. 2025-01-31T12:00:00Z; a date means the end of that day, month or year in UTC).")
    private Instant knownAt;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "List only partnerships with an instrument in this status (e.g. SIGNED).")
    private InstrumentStatus status;

    @Option(names = "--certainty", paramLabel = "CERTAIN|ANY", converter = QueryTimeConverters.Certainty.class,
            description = "Whether --status takes only certain steps (CERTAIN, default) or possible ones too (ANY).")
    private CertaintyFilter certainty;

    @Mixin
    private ApiOptions api;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        final Map<String, Object> parameters = new HashMap<>();
        parameters.put("asOf", asOf);
        parameters.put("knownAt", knownAt);
        if (partnership == null) {
            parameters.put("status", status);
            parameters.put("certainty", certainty);
        } else if (status != null || certainty != null) {
            throw new ParameterException(spec.commandLine(),
                    "--status and --certainty filter the list of partnerships, not one partnership");
        }
        return api.print(spec, path(), parameters, partnership == null ? StateCommand::printList
                : StateCommand::printOne);
    }

    private String path() {
        if (partnership == null) {
            return "/api/partnerships";
        }
        final PartnershipKey key;
        try {
            key = PartnershipKey.parse(partnership);
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return "/api/partnerships/" + segment(key.actor()) + "/" + segment(key.counterpart());
    }

    private static void printList(final PrintWriter out, final JsonNode answer) {
        final TextTable table = new TextTable("PARTNERSHIP", "INSTRUMENT", "STATUS", "SINCE", "SIGNED", "IN FORCE",
                "NAME");
        for (final JsonNode item : answer.path("items")) {
            for (final JsonNode instrument : item.path("instruments")) {
                table.row(Render.partnership(item), Render.instrument(instrument.path("type"), instrument.get("key")),
                        Render.status(instrument), Render.since(instrument), Render.date(instrument.get("signedOn")),
                        Render.date(instrument.get("inForceFrom")), Render.text(instrument.get("name")));
            }
        }
        table.print(out);
        out.printf("%d partnerships%s%n", answer.path("count").asInt(), timeSuffix(answer));
    }

    private static void printOne(final PrintWriter out, final JsonNode answer) {
        out.printf("%s%s%n%n", Render.partnership(answer), timeSuffix(answer));
        final TextTable instruments = new TextTable("INSTRUMENT", "STATUS", "SINCE", "SIGNED", "IN FORCE", "NAME");
        for (final JsonNode instrument : answer.path("instruments")) {
            instruments.row(Render.instrument(instrument.path("type"), instrument.get("key")),
                    Render.status(instrument), Render.since(instrument), Render.date(instrument.get("signedOn")),
                    Render.date(instrument.get("inForceFrom")), Render.text(instrument.get("name")));
        }
        instruments.print(out);
        out.println();
        final TextTable events = new TextTable("DATE", "EVENT", "INSTRUMENT", "KIND", "STATUS", "SOURCE");
        for (final JsonNode event : answer.path("events")) {
            events.row(Render.when(event.get("eventDate"), event.get("dateBounds")), event.path("eventId").asText(),
                    Render.instrument(event.path("instrument"), event.get("instrumentKey")),
                    event.path("kind").asText(), event.path("status").asText(),
                    Render.text(event.path("provenance").get("source")));
        }
        events.print(out);
        final int conflicts = answer.path("conflicts").size();
        if (conflicts > 0) {
            out.printf("%n%d conflicting claims; --json shows them.%n", conflicts);
        }
    }

    private static String timeSuffix(final JsonNode answer) {
        final String asOf = Render.text(answer.get("asOf"));
        final String knownAt = Render.text(answer.get("knownAt"));
        return (asOf == null ? "" : " as of " + asOf) + (knownAt == null ? "" : " known at " + knownAt);
    }

    private static String segment(final String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
