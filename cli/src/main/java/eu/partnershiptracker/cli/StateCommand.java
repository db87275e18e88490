package eu.partnershiptracker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import eu.partnershiptracker.core.PartnershipKey;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = IsoDateConverter.class,
            description = "The state as the events dated up to this day describe it (default: now).")
    private LocalDate asOf;

    @Mixin
    private ApiOptions api;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        final Map<String, Object> parameters = new HashMap<>();
        parameters.put("asOf", asOf);
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
        final TextTable table = new TextTable("PARTNERSHIP", "INSTRUMENT", "STATUS", "SINCE", "SIGNED", "IN FORCE");
        for (final JsonNode item : answer.path("items")) {
            for (final JsonNode instrument : item.path("instruments")) {
                table.row(item.path("key").asText(), Render.instrument(instrument.path("type"), instrument.get("key")),
                        instrument.path("status").asText(), Render.date(instrument.get("statusSince")),
                        Render.date(instrument.get("signedOn")), Render.date(instrument.get("inForceFrom")));
            }
        }
        table.print(out);
        out.printf("%d partnerships%s%n", answer.path("count").asInt(), asOfSuffix(answer));
    }

    private static void printOne(final PrintWriter out, final JsonNode answer) {
        out.printf("%s%s%n%n", answer.path("key").asText(), asOfSuffix(answer));
        final TextTable instruments = new TextTable("INSTRUMENT", "STATUS", "SINCE", "SIGNED", "IN FORCE");
        for (final JsonNode instrument : answer.path("instruments")) {
            instruments.row(Render.instrument(instrument.path("type"), instrument.get("key")),
                    instrument.path("status").asText(), Render.date(instrument.get("statusSince")),
                    Render.date(instrument.get("signedOn")), Render.date(instrument.get("inForceFrom")));
        }
        instruments.print(out);
        out.println();
        final TextTable events = new TextTable("DATE", "EVENT", "INSTRUMENT", "KIND", "STATUS", "SOURCE");
        for (final JsonNode event : answer.path("events")) {
            events.row(Render.date(event.get("eventDate")), event.path("eventId").asText(),
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

    private static String asOfSuffix(final JsonNode answer) {
        final String asOf = Render.text(answer.get("asOf"));
        return asOf == null ? "" : " as of " + asOf;
    }

    private static String segment(final String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
