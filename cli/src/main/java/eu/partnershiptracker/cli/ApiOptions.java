package eu.partnershiptracker.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import eu.partnershiptracker.query.client.ApiClient;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.function.BiConsumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where the running tracker's HTTP API is, and how a command asks it and prints the answer. */
public final class ApiOptions {

    @Option(names = "--api-url", paramLabel = "URL", defaultValue = "${env:TRACKER_API_URL:-http://localhost:8080}",
            description = "The tracker's HTTP API (env TRACKER_API_URL; default: ${DEFAULT-VALUE}).")
    private URI apiUrl;

    @Option(names = "--json", description = "Print the API's JSON instead of a table.")
    private boolean json;

    ApiClient client() {
        return new ApiClient(apiUrl);
    }

    boolean json() {
        return json;
    }

    /**
     * GETs {@code path} (null parameter values are left out) and prints the answer: the API's JSON with
     * {@code --json}, else what {@code table} makes of it.
     *
     * @return the command's exit code
     */
    int print(final CommandSpec spec, final String path, final Map<String, ?> parameters,
            final BiConsumer<PrintWriter, JsonNode> table) {
        final PrintWriter out = spec.commandLine().getOut();
        final ApiClient client = client();
        try {
            final JsonNode answer = client.get(path, parameters);
            if (json) {
                out.println(client.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(answer));
            } else {
                table.accept(out, answer);
            }
            out.flush();
            return ExitCodes.OK;
        } catch (final ApiClient.ApiCallException e) {
            return failed(spec, e);
        } catch (final JsonProcessingException e) {
            throw new UncheckedIOException("cannot print the API's answer", e);
        }
    }

    /** Says why the API call failed and returns the exit code for it. */
    static int failed(final CommandSpec spec, final ApiClient.ApiCallException failure) {
        spec.commandLine().getErr().println("Error: " + failure.getMessage());
        return ExitCodes.of(failure);
    }
}
