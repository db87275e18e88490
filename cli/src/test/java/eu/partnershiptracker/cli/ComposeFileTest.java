package eu.partnershiptracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.partnershiptracker.query.service.TrackerService;
import eu.partnershiptracker.testing.ProjectFiles;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * application reads (a renamed option would otherwise be ignored silently), and every command it runs exists. It also
 * holds the file to what a real host needs: schemas stored on the broker, restart policies, a stop grace period longer
 * than the application's own close, ports on the loopback interface by default, and the tested image versions.
 */
class ComposeFileTest {

    /** {@code ${env:NAME}} in picocli defaults, {@code ${NAME:-default}} in logback.xml. */
    private static final Pattern PICOCLI_ENV = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)");
    private static final Pattern LOGBACK_ENV = Pattern.compile("\\$\\{([A-Z0-9_]+):-");
    private static final String IMAGE = "partnership-tracker:local";
    /** {@code ${NAME:-default}} in the compose file, read as its default. */
    private static final Pattern COMPOSE_DEFAULT = Pattern.compile("\\$\\{[A-Z0-9_]+:-([^}]*)}");
    /** A compose duration such as {@code 1m30s}. */
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(h|m|s)");

    private static JsonNode services;
    private static String pom;

    @BeforeAll
    static void readTheComposeFile() throws IOException {
        final Path file = ProjectFiles.root().resolve("docker-compose.yml");
        services = new ObjectMapper(new YAMLFactory()).readTree(file.toFile()).get("services");
        pom = Files.readString(ProjectFiles.root().resolve("pom.xml"));
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

    @Test
    void keepsTheSchemasOnTheBrokerBesideTheRecords() {
        final JsonNode registry = services.path("registry");
        assertThat(registry.path("image").asText())
                .isEqualTo("apicurio/apicurio-registry-kafkasql:" + pomProperty("apicurio.version"));
        assertThat(registry.path("environment").path("KAFKA_BOOTSTRAP_SERVERS").asText())
                .isEqualTo(services.path("tracker").path("environment").path("KAFKA_BOOTSTRAP_SERVERS").asText());
        assertThat(registry.path("environment").path("REGISTRY_KAFKASQL_TOPIC").asText()).isEqualTo("kafkasql-journal");
        assertThat(registry.path("depends_on").path("kafka").path("condition").asText()).isEqualTo("service_healthy");
    }

    @Test
    void runsTheBrokerVersionTheProjectIsTestedAgainst() {
        assertThat(services.path("kafka").path("image").asText())
                .isEqualTo("apache/kafka:" + pomProperty("kafka.version"));
    }

    @Test
    void restartsTheLongRunningServicesButNotThePublisher() {
        for (final String service : new String[] {"kafka", "registry", "tracker"}) {
            assertThat(services.path(service).path("restart").asText()).as(service).isEqualTo("unless-stopped");
        }
        assertThat(services.path("publisher").path("restart").asText()).isEqualTo("no");
    }

    @Test
    void givesTheApplicationLongerToStopThanItsOwnCloseTakes() throws ReflectiveOperationException {
        // The HTTP API closes first (the change stream waits for its consumer), then Kafka Streams.
        final Duration close = closeTimeout("eu.partnershiptracker.query.http.ChangeBroadcaster")
                .plus(closeTimeout(TrackerService.class.getName()));
        assertThat(composeDuration(services.path("tracker").path("stop_grace_period").asText())).isGreaterThan(close);
    }

    @Test
    void publishesPortsOnTheLoopbackInterfaceByDefault() {
        final List<String> ports = new ArrayList<>();
        services.elements().forEachRemaining(service -> service.path("ports")
                .forEach(port -> ports.add(port.asText())));
        assertThat(ports).hasSize(3).allSatisfy(port -> assertThat(withDefaults(port)).startsWith("127.0.0.1:"));
    }

    @Test
    void neverPullsTheImageThePublisherShares() {
        assertThat(services.path("publisher").path("pull_policy").asText()).isEqualTo("never");
    }

    @Test
    void checksTheRegistryWithBashBuiltinsAlone() {
        final JsonNode test = services.path("registry").path("healthcheck").path("test");
        // Exec form straight into bash: no /bin/sh, curl, wget, head or grep the registry image might lack.
        assertThat(test.path(0).asText()).isEqualTo("CMD");
        assertThat(test.path(1).asText()).isEqualTo("bash");
        assertThat(test.path(3).asText()).contains("/dev/tcp/127.0.0.1/8080", "/health/ready")
                .doesNotContain("curl", "wget", "head ", "grep");
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

    private static String pomProperty(final String name) {
        final Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(matcher.find()).as(name + " in pom.xml").isTrue();
        return matcher.group(1);
    }

    /** A class's private CLOSE_TIMEOUT, read rather than copied so that raising it fails here (by name: one class is
     * package-private). */
    private static Duration closeTimeout(final String owner) throws ReflectiveOperationException {
        final Field field = Class.forName(owner).getDeclaredField("CLOSE_TIMEOUT");
        field.setAccessible(true);
        return (Duration) field.get(null);
    }

    private static Duration composeDuration(final String text) {
        assertThat(text).as("a compose duration").matches("(\\d+[hms])+");
        return DURATION_PART.matcher(text).results().map(part -> {
            final long amount = Long.parseLong(part.group(1));
            return switch (part.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
        }).reduce(Duration.ZERO, Duration::plus);
    }

    /** The text as compose reads it with no variable set. */
    private static String withDefaults(final String text) {
        return COMPOSE_DEFAULT.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
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
