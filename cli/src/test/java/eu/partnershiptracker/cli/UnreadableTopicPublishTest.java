package eu.partnershiptracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.embedded.EmbeddedRegistry;
import eu.partnershiptracker.producer.eventfiles.EventFiles;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A registry that lost its schemas, on a real broker and two real Apicurio registries: the records on the topic carry
 * schema ids the second, empty registry never handed out, as after a restart of an in-memory registry. {@code publish}
 * must refuse rather than append the whole dataset again, unless told to ignore them.
 */
@ExtendWith(RealInfrastructure.class)
class UnreadableTopicPublishTest {

    private static final Duration REGISTRY_STARTUP = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    private final Infrastructure infra;

    UnreadableTopicPublishTest(final Infrastructure infra) {
        this.infra = infra;
    }

    @Test
    void aTopicWrittenUnderLostSchemasIsRefusedUntilTheUserSaysOtherwise() throws Exception {
        final String topic = infra.uniqueTopic("events");
        final int events = EventFiles.bundled().check(List.of(PublishCommandTest.EXAMPLE)).size();
        final PublishCommandTest.Run first = publish(infra.registryUrl(), topic);
        assertThat(first.exitCode()).as(first.err()).isZero();
        final Map<TopicPartition, Long> published = endOffsets(topic);

        try (EmbeddedRegistry empty = EmbeddedRegistry.start(Path.of(System.getProperty("apicurio.home")),
                dir.resolve("empty-registry"), REGISTRY_STARTUP)) {
            final PublishCommandTest.Run refused = publish(empty.confluentApiUrl(), topic);

            assertThat(refused.exitCode()).isEqualTo(ExitCodes.UNREADABLE_TOPIC);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err())
                    .startsWith("Error: " + events + " records on " + topic
                            + " cannot be read as events, in partition ")
                    .contains("; the first: partition ")
                    .contains("unknown schema id ").contains(empty.confluentApiUrl())
                    .contains("could append events that are already there")
                    .contains(PublishCommand.UNREADABLE_HINT)
                    .contains("Nothing was published.")
                    .doesNotContain("\tat ");
            assertThat(endOffsets(topic)).as("nothing was appended, not even an aborted batch").isEqualTo(published);

            final PublishCommandTest.Run overruled = publish(empty.confluentApiUrl(), topic, "--ignore-unreadable");

            assertThat(overruled.exitCode()).as(overruled.err()).isZero();
            assertThat(overruled.out()).contains("Published " + events + " new events to " + topic);
            assertThat(overruled.err()).contains("Warning: " + events + " records on " + topic
                    + " are not readable events and were ignored.");
            assertThat(endOffsets(topic)).isNotEqualTo(published);
        }
    }

    private PublishCommandTest.Run publish(final String registry, final String topic, final String... options) {
        final List<String> args = new ArrayList<>(List.of("--bootstrap-servers", infra.bootstrapServers(),
                "--registry-url", registry, "--topic", topic, "--timeout", "30"));
        args.addAll(List.of(options));
        args.add(PublishCommandTest.EXAMPLE.toString());
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = new CommandLine(new PublishCommand()).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err)).execute(args.toArray(String[]::new));
        return new PublishCommandTest.Run(code, out.toString(), err.toString());
    }

    /** Every partition's end, uncommitted records included: a refused run must not even leave an aborted batch. */
    private Map<TopicPartition, Long> endOffsets(final String topic) throws Exception {
        return infra.settledEndOffsets(topic);
    }
}
