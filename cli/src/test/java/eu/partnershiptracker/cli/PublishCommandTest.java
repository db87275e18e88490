package eu.partnershiptracker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import eu.partnershiptracker.cluster.TopicReader;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.producer.eventfiles.EventFiles;
import eu.partnershiptracker.producer.eventfiles.SourcedEvent;
import eu.partnershiptracker.producer.eventfiles.ValidationException;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.ProjectFiles;
import eu.partnershiptracker.testing.RealInfrastructure;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code publish} end to end on a real KRaft broker and a real Apicurio registry: what lands, what never lands, and
 * what the person at the terminal is told.
 */
@ExtendWith(RealInfrastructure.class)
class PublishCommandTest {

    private static final int PUBLISH_TIMEOUT_SECONDS = 5;
    static final Path EXAMPLE = ProjectFiles.events().resolve("eu-sdp.yaml");

    private static final String ONE = """
            events:
              - id: eu-no-sdp-signed
                actor: EU
                counterpart: NO
                instrument: SDP
                kind: SIGNED
                date: 2024-05-28
                source: 003_c9d7a99b29a6c61b.txt
                quote: "Norway (May 2024)"
            """;

    @TempDir
    Path dir;

    private final Infrastructure infra;

    PublishCommandTest(final Infrastructure infra) {
        this.infra = infra;
    }

    /** A finished command run: its exit code and what it printed. */
    record Run(int exitCode, String out, String err) {
    }

    private Run publishVia(final String bootstrap, final String registry, final String topic,
            final String... inputs) {
        final List<String> args = new ArrayList<>(List.of("--bootstrap-servers", bootstrap, "--registry-url",
                registry, "--topic", topic, "--timeout", Integer.toString(PUBLISH_TIMEOUT_SECONDS)));
        args.addAll(List.of(inputs));
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = new CommandLine(new PublishCommand()).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err)).execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private Run publish(final String topic, final String... inputs) {
        return publishVia(infra.bootstrapServers(), infra.registryUrl(), topic, inputs);
    }

    private Path file(final String name, final String yaml) throws IOException {
        final Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void exampleLandsAsAvroThatApicuriosDeserializerDecodesFieldForField() throws ValidationException {
        final String topic = infra.uniqueTopic("events");
        // As publish checks them: names stamped, stated orders resolved.
        final List<PolicyEvent> expected = EventFiles.bundled().check(List.of(EXAMPLE)).stream()
                .map(SourcedEvent::event).toList();
        assertThat(expected).isNotEmpty();

        final Run run = publish(topic, EXAMPLE.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Published " + expected.size() + " new events to " + topic);
        final List<ConsumerRecord<String, PolicyEvent>> records = readCommitted(topic, apicurioDeserializer());
        assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(records).allSatisfy(r -> assertThat(r.key())
                .isEqualTo(r.value().getActor() + ":" + r.value().getCounterpart()));
        final Map<String, Object> config = infra.admin().describeConfigs(List.of(
                new org.apache.kafka.common.config.ConfigResource(
                        org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic))).all()
                .toCompletionStage().toCompletableFuture().join().values().iterator().next().entries().stream()
                .collect(HashMap::new, (m, e) -> m.put(e.name(), e.value()), HashMap::putAll);
        assertThat(config).containsEntry("retention.ms", "-1").containsEntry("retention.bytes", "-1");
    }

    @Test
    void publishingTheSameFileTwiceAppendsNothing() {
        final String topic = infra.uniqueTopic("events");
        assertThat(publish(topic, EXAMPLE.toString()).exitCode()).isZero();
        final long after = endOffsetSum(topic);

        final Run again = publish(topic, EXAMPLE.toString());

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).startsWith("Published 0 new events");
        assertThat(endOffsetSum(topic)).isEqualTo(after);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown instrument   | instrument: SDP                 | instrument: SDPX                | field 'instrument': unknown instrument code 'SDPX'
            unknown counterpart  | counterpart: NO                 | counterpart: XX                 | field 'counterpart': unknown counterpart code 'XX'
            impossible date      | date: 2024-05-28                | date: 2024-02-30                | field 'date': impossible date '2024-02-30'
            precision mismatch   | date: 2024-05-28                | 'date: 2024-05-28\\n    precision: YEAR' | field 'precision': precision YEAR does not match
            missing provenance   | 'quote: "Norway (May 2024)"'    | 'locator: p. 1'                 | field 'quote': missing provenance
            unknown correction   | kind: SIGNED                    | 'kind: SIGNED\\n    corrects: eu-no-sdp-nope' | field 'corrects': unknown event 'eu-no-sdp-nope'
            malformed YAML       | 'kind: SIGNED'                  | 'kind: [SIGNED'                 | malformed YAML
            """)
    void badInputIsReportedAndNothingIsPublished(final String name, final String from, final String to,
            final String message) throws IOException {
        final String topic = infra.uniqueTopic("events");
        assertThat(publish(topic, EXAMPLE.toString()).exitCode()).isZero();
        final long before = endOffsetSum(topic);
        final Path good = file("good.yaml", ONE.replace("eu-no-sdp-signed", "eu-no-sdp-other"));
        final Path bad = file("bad.yaml", ONE.replace("eu-no-sdp-signed", "eu-no-sdp-bad")
                .replace(from, to.replace("\\n", "\n")));

        final Run run = publish(topic, good.toString(), bad.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(bad.toString()).contains(message).contains("Nothing was published.")
                .doesNotContain("\tat ");
        assertThat(endOffsetSum(topic)).isEqualTo(before);
    }

    @Test
    void duplicateIdWithDifferentContentAcrossFilesIsReportedAndNothingIsPublished() throws IOException {
        final String topic = infra.uniqueTopic("events");
        final Path first = file("first.yaml", ONE);
        final Path second = file("second.yaml", ONE.replace("2024-05-28", "2024-05-29"));

        final Run run = publish(topic, first.toString(), second.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains(second + ": event #1 (line 2, id eu-no-sdp-signed): field 'id': duplicate id"
                + " 'eu-no-sdp-signed' with different content; it is first used at " + first);
        assertThat(infra.admin().listTopics().names().toCompletionStage().toCompletableFuture().join())
                .doesNotContain(topic);
    }

    @Test
    void changingAPublishedEventIsRefusedAndACorrectionIsAccepted() throws IOException {
        final String topic = infra.uniqueTopic("events");
        assertThat(publish(topic, file("one.yaml", ONE).toString()).exitCode()).isZero();

        final Run changed = publish(topic, file("changed.yaml", ONE.replace("2024-05-28", "2024-05-27")).toString());
        assertThat(changed.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(changed.err()).contains("already published with different content");

        final Run corrected = publish(topic, file("fix.yaml", ONE.replace("eu-no-sdp-signed",
                "eu-no-sdp-signed-fix").replace("2024-05-28", "2024-05-27\n    corrects: eu-no-sdp-signed"))
                .toString());
        assertThat(corrected.exitCode()).as(corrected.err()).isZero();
        assertThat(corrected.out()).startsWith("Published 1 new events");
    }

    @Test
    void aFailurePartWayLeavesNothingVisibleToReadCommittedConsumers() throws IOException {
        final String topic = infra.uniqueTopic("events");
        infra.createTopic(topic, 3, Map.of("retention.ms", "-1", "retention.bytes", "-1",
                "max.message.bytes", "4096"));
        final StringBuilder events = new StringBuilder("events:\n");
        for (final String country : List.of("JP", "KR", "MD", "AL", "MK")) {
            events.append(ONE.substring("events:\n".length()).replace("eu-no-", "eu-" + country.toLowerCase() + "-")
                    .replace("counterpart: NO", "counterpart: " + country));
        }
        events.append(ONE.substring("events:\n".length()).replace("Norway (May 2024)\"",
                "Norway (May 2024)\"\n    notes: \"" + "x".repeat(20_000) + "\""));

        final Run run = publish(topic, file("large.yaml", events.toString()).toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).contains("failed and was rolled back").contains("Nothing was published.");
        assertThat(readCommitted(topic, new ByteArrayDeserializer())).isEmpty();
    }

    /**
     * A snapshot of the topic taken while a transaction is undecided would miss records that may still commit (as a
     * publish whose commit the broker acknowledged before marking it, right after a broker restart), and the run would
     * publish them again: it waits for the transaction, and gives up within its timeout without publishing.
     */
    @Test
    void aTransactionStillUndecidedOnTheTopicIsWaitedForAndNeverPublishedAround() throws Exception {
        final String topic = infra.uniqueTopic("events");
        infra.createTopic(topic, 1, Map.of("retention.ms", "-1", "retention.bytes", "-1"));
        final Path one = file("one.yaml", ONE);
        final Map<String, Object> other = new HashMap<>(infra.clientProperties());
        other.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "another-publisher-" + topic);
        try (KafkaProducer<String, byte[]> open = new KafkaProducer<>(other, new StringSerializer(),
                new ByteArraySerializer())) {
            open.initTransactions();
            open.beginTransaction();
            open.send(new ProducerRecord<>(topic, "EU:NO", new byte[] {0})).get();

            final Run waited = publish(topic, one.toString());

            assertThat(waited.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(waited.err()).contains("a transaction on " + topic + " is still undecided after "
                    + PUBLISH_TIMEOUT_SECONDS + " s").contains("partition 0 at offset 0");
            assertThat(infra.admin().listOffsets(Map.of(new TopicPartition(topic, 0), OffsetSpec.latest())).all()
                    .get().get(new TopicPartition(topic, 0)).offset()).as("only the open transaction's record")
                    .isEqualTo(1);
            open.abortTransaction();
        }

        final Run after = publish(topic, one.toString());

        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(readCommitted(topic, new ByteArrayDeserializer())).hasSize(1);
    }

    @Test
    void unreachableBrokerGetsAClearMessageInBoundedTime() throws IOException {
        final String closed = "127.0.0.1:" + closedPort();

        final Run run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> publishVia(closed, infra.registryUrl(), "events", file("one.yaml", ONE).toString()));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).contains("Kafka at " + closed + " is unreachable").doesNotContain("\tat ");
    }

    @Test
    void unreachableRegistryGetsAClearMessageAndNothingIsPublished() throws IOException {
        final String topic = infra.uniqueTopic("events");
        final String registry = "http://127.0.0.1:" + closedPort();

        final Run run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> publishVia(infra.bootstrapServers(), registry, topic, file("one.yaml", ONE).toString()));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).contains(registry).doesNotContain("\tat ");
        assertThat(endOffsetSum(topic)).isZero();
    }

    @Test
    void aRegistryThatNeverAnswersGetsAClearMessageWithinTheTimeoutAndNothingIsPublished() throws IOException {
        final String topic = infra.uniqueTopic("events");
        // Connections are accepted (the backlog completes the handshake) but no byte ever comes back: the hang case.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            final String registry = "http://127.0.0.1:" + silent.getLocalPort();
            final long start = System.nanoTime();

            final Run run = assertTimeoutPreemptively(Duration.ofSeconds(PUBLISH_TIMEOUT_SECONDS + 5),
                    () -> publishVia(infra.bootstrapServers(), registry, topic, file("one.yaml", ONE).toString()));

            final Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("publish against a silent registry ended after " + took.toMillis() + " ms");
            assertThat(took).as("within --timeout " + PUBLISH_TIMEOUT_SECONDS + " s and a margin")
                    .isLessThan(Duration.ofSeconds(PUBLISH_TIMEOUT_SECONDS + 2));
            assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(run.err()).contains("schema registry at " + registry).contains("no answer within")
                    .doesNotContain("\tat ");
            assertThat(endOffsetSum(topic)).isZero();
        }
    }

    @Test
    void aRegistryUrlWithoutTheConfluentApiIsExitCode2WithAHintAndNothingIsPublished() throws IOException {
        final String topic = infra.uniqueTopic("events");
        final String base = infra.registryBaseUrl();

        final Run run = publishVia(infra.bootstrapServers(), base, topic, file("one.yaml", ONE).toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo(String.join(System.lineSeparator(),
                "Error: schema registry at " + base + " answered GET /subjects/" + topic + "-value/versions/latest"
                        + " with HTTP 404 and no Confluent error code, so its Confluent API is not at that URL. For"
                        + " Apicurio Registry it is " + infra.registryUrl() + "; for Confluent Schema Registry and"
                        + " Karapace, the base URL",
                "Give the URL of the registry's Confluent API with --registry-url or SCHEMA_REGISTRY_URL.",
                "Nothing was published.", ""));
        assertThat(run.out()).isEmpty();
        assertThat(endOffsetSum(topic)).isZero();
    }

    @Test
    void aPoisonRecordOnTheTopicBlocksPublishingUntilTheUserIgnoresIt() throws Exception {
        final String topic = infra.uniqueTopic("events");
        assertThat(publish(topic, EXAMPLE.toString()).exitCode()).isZero();
        final Map<String, Object> props = infra.clientProperties();
        final long poison;
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(props,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            poison = producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, 0, "EU:NO",
                    new byte[] {42, 1, 2, 3})).get().offset();
        }
        final String other = file("one.yaml", ONE.replace("eu-no-sdp-signed", "eu-no-sdp-other")).toString();
        final long before = endOffsetSum(topic);

        final Run refused = publish(topic, EXAMPLE.toString(), other);

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.UNREADABLE_TOPIC);
        assertThat(refused.err()).startsWith("Error: 1 record on " + topic + " cannot be read as events, in partition 0"
                + " (offset " + poison + "); the first: partition 0, offset " + poison + ": ")
                .contains("Nothing was published.");
        assertThat(endOffsetSum(topic)).isEqualTo(before);

        final Run run = publish(topic, "--ignore-unreadable", EXAMPLE.toString(), other);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Published 1 new events");
        assertThat(run.err()).contains("1 records on " + topic + " are not readable events");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Deserializer<PolicyEvent> apicurioDeserializer() {
        final AvroKafkaDeserializer<PolicyEvent> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(Map.of(
                "apicurio.registry.url", infra.apicurioRegistryUrl(),
                "apicurio.registry.as-confluent", true,
                "apicurio.registry.headers.enabled", false,
                "apicurio.registry.use-id", "contentId",
                "apicurio.registry.use-specific-avro-reader", true), false);
        return deserializer;
    }

    private <V> List<ConsumerRecord<String, V>> readCommitted(final String topic, final Deserializer<V> values) {
        infra.awaitTransactionsSettled(topic);
        return TopicReader.readCommitted(infra.clientProperties(), topic, new StringDeserializer(), values,
                Duration.ofSeconds(60));
    }

    private long endOffsetSum(final String topic) {
        if (!infra.admin().listTopics().names().toCompletionStage().toCompletableFuture().join().contains(topic)) {
            return 0;
        }
        try {
            return infra.settledEndOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
        } catch (final Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }
}
