package eu.partnershiptracker.cli;

import eu.partnershiptracker.query.client.ApiClient;
import java.net.URI;
import picocli.CommandLine.Option;

/** Where the running tracker's HTTP API is. */
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
}
