package eu.partnershiptracker.demo;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.embedded.EmbeddedRegistry;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The commands' defaults lead to what the demo starts, so that a second terminal needs no flags; read from the
 * command-line model, without starting the demo and whatever SCHEMA_REGISTRY_URL says here.
 */
class DemoDefaultsTest {

    @Test
    void everyCommandWithARegistryUrlDefaultsToTheRegistryTheDemoStarts() {
        final CommandLine commands = DemoLauncher.commandLine().setInterpolateVariables(false);
        final CommandLine demo = commands.getSubcommands().get("demo");
        final String demoRegistry = EmbeddedRegistry.confluentApiUrl(
                Integer.parseInt(demo.getCommandSpec().findOption("--registry-port").defaultValue()));

        final Map<String, String> defaults = commands.getSubcommands().values().stream()
                .filter(command -> command != demo && command.getCommandSpec().findOption("--registry-url") != null)
                .collect(Collectors.toMap(CommandLine::getCommandName,
                        command -> command.getCommandSpec().findOption("--registry-url").defaultValue()));

        assertThat(demoRegistry).isEqualTo("http://127.0.0.1:8081/apis/ccompat/v7");
        assertThat(defaults).containsKeys("publish", "serve")
                .allSatisfy((command, value) -> assertThat(value).as(command)
                        .isEqualTo("${env:SCHEMA_REGISTRY_URL:-" + demoRegistry + "}"));
    }
}
