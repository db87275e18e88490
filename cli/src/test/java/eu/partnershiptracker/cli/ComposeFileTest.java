package eu.partnershiptracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.partnershiptracker.testing.ProjectFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * Keeps docker-compose.yml in step with the application: every variable it gives the tracker's containers is one the
 * application reads (a renamed option would otherwise be ignored silently), and every command it runs exists.
 */
class ComposeFileTest {

    /** {@code ${env:NAME}} in picocli defaults, {@code ${NAME:-default}} in logback.xml. */
    private static final Pattern PICOCLI_ENV = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)");
    private static final Pattern LOGBACK_ENV = Pattern.compile("\\$\\{([A-Z0-9_]+):-");
    private static final String IMAGE = "partnership-tracker:local";

    private static JsonNode services;

    @BeforeAll
    static void readTheComposeFile() throws IOException {
        final Path file = ProjectFiles.root().resolve("docker-compose.yml");
        services = new ObjectMapper(new YAMLFactory()).readTree(file.toFile()).get("services");
    }

    @Test
    void givesTheApplicationOnlyVariablesItReads() throws IOException {
        final Set<String> read = variablesTheApplicationReads();
        final Set<String> given = new TreeSet<>();
        for (final JsonNode service : trackerServices()) {
            service.path("environment").fieldNames().forEachRemaining(given::add);
        }
        assertThat(given).contains("KAFKA_BOOTSTRAP_SERVERS", "SCHEMA_REGISTRY_URL", "TRACKER_HTTP_PORT");
        assertThat(read).containsAll(given);
    }

    @Test
    void runsOnlyCommandsTheApplicationHas() {
        final Map<String, CommandLine> commands = new CommandLine(new TrackerCommand()).getSubcommands();
        final Set<String> run = new TreeSet<>();
        for (final JsonNode service : trackerServices()) {
            run.add(service.path("command").path(0).asText());
        }
        assertThat(run).containsExactlyInAnyOrder("serve", "publish");
        assertThat(commands.keySet()).containsAll(run);
    }

    @Test
    void startsTheApplicationOnlyOnceKafkaAndTheRegistryAreHealthy() {
        for (final JsonNode service : trackerServices()) {
            for (final String dependency : new String[] {"kafka", "registry"}) {
                assertThat(service.path("depends_on").path(dependency).path("condition").asText())
                        .isEqualTo("service_healthy");
            }
        }
        assertThat(services.path("kafka").has("healthcheck")).isTrue();
        assertThat(services.path("registry").has("healthcheck")).isTrue();
        assertThat(services.path("tracker").has("healthcheck")).isTrue();
    }

    /** The services running the application image: the API and the one-shot publisher. */
    private static Set<JsonNode> trackerServices() {
        final Set<JsonNode> found = new HashSet<>();
        services.elements().forEachRemaining(service -> {
            if (IMAGE.equals(service.path("image").asText())) {
                found.add(service);
            }
        });
        assertThat(found).as("services running " + IMAGE).hasSize(2);
        return found;
    }

    private static Set<String> variablesTheApplicationReads() throws IOException {
        final Set<String> names = new TreeSet<>();
        // Without interpolation, defaults read as written: ${env:NAME:-fallback}, not the value in this environment.
        collectOptionVariables(new CommandLine(new TrackerCommand()).setInterpolateVariables(false), names);
        try (InputStream logback = TrackerCommand.class.getResourceAsStream("/logback.xml")) {
            final Matcher matcher = LOGBACK_ENV.matcher(new String(logback.readAllBytes(), StandardCharsets.UTF_8));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    private static void collectOptionVariables(final CommandLine command, final Set<String> names) {
        for (final OptionSpec option : command.getCommandSpec().options()) {
            if (option.defaultValue() != null) {
                final Matcher matcher = PICOCLI_ENV.matcher(option.defaultValue());
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        command.getSubcommands().values().forEach(subcommand -> collectOptionVariables(subcommand, names));
    }
}
