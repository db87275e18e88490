package eu.partnershiptracker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.partnershiptracker.cluster.TopicReader;
import eu.partnershiptracker.embedded.EmbeddedKafka;
import eu.partnershiptracker.producer.eventfiles.EventFiles;
import eu.partnershiptracker.producer.eventfiles.SourcedEvent;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.ProjectFiles;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The broker killed (SIGKILL) during {@code publish} of the bundled dataset and started again on the same data
 * directory and port. The broker is the test's own, in a child JVM, so that the shared one is never restarted; the
 * registry is the shared one. A read_committed reader must never see part of the dataset (publish writes it in one
 * transaction), and publishing again must leave every event exactly once.
 */
@ExtendWith(RealInfrastructure.class)
class BrokerRestartPublishTest {

    private static final Duration BROKER_STARTUP = Duration.ofMinutes(2);
    private static final Duration PUBLISH_BOUND = Duration.ofMinutes(2);
    private static final int ATTEMPTS = 5;
    private static final int TIMEOUT_SECONDS = 20;

    @TempDir
    Path dir;

    private final Infrastructure infra;

    BrokerRestartPublishTest(final Infrastructure infra) {
        this.infra = infra;
    }

    /**
     * The kill races the publish's one transaction, which lasts milliseconds: each attempt publishes to a topic of its
     * own, every attempt must keep the invariants, and at least one must kill the broker with the transaction open.
     */
    @Test
    void aBrokerKilledDuringPublishShowsNoPartialBatchAndTheRetryIsIdempotent() throws Exception {
        boolean midTransaction = false;
        for (int attempt = 1; attempt <= ATTEMPTS && !midTransaction; attempt++) {
            midTransaction = killDuringPublish("policy-events-" + attempt, dir.resolve("broker-" + attempt));
        }
        assertThat(midTransaction).as("the broker died while the publish's transaction was open, in one of "
                + ATTEMPTS + " attempts").isTrue();
    }

    /** Whether the kill landed with the transaction open; asserts the invariants either way. */
    private boolean killDuringPublish(final String topic, final Path data) throws Exception {
        final Path dataset = ProjectFiles.events();
        final List<SourcedEvent> events = EventFiles.bundled().check(List.of(dataset));
        EmbeddedKafka broker = EmbeddedKafka.start(data, 0, BROKER_STARTUP);
        final String bootstrap = broker.bootstrapServers();
        final int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        final List<Integer> committedCounts = new ArrayList<>();
        try {
            final CompletableFuture<PublishCommandTest.Run> first =
                    CompletableFuture.supplyAsync(() -> publish(bootstrap, topic, dataset));
            // Kill it as soon as the dataset starts landing (uncommitted), or once the publish is over.
            final boolean midTransaction;
            try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                await("the first records of the publish").atMost(PUBLISH_BOUND).pollInterval(Duration.ofMillis(5))
                        .ignoreExceptions().until(() -> first.isDone() || endOffset(admin, topic) > 0);
                midTransaction = !first.isDone();
            }
            ProcessHandle.of(broker.process().pid()).ifPresent(ProcessHandle::destroyForcibly);
            assertThat(broker.process().awaitExit(BROKER_STARTUP)).isPresent();
            broker.close();
            broker = EmbeddedKafka.start(data, port, BROKER_STARTUP);

            final PublishCommandTest.Run interrupted = await("the interrupted publish").atMost(PUBLISH_BOUND)
                    .until(() -> first.getNow(null), run -> run != null);
            // Every snapshot a read_committed reader can take holds none or all of the dataset.
            committedCounts.add(committed(bootstrap, topic).size());
            final PublishCommandTest.Run retried = publish(bootstrap, topic, dataset);
            committedCounts.add(committed(bootstrap, topic).size());
            System.out.printf("broker restart during publish: killed %s, first publish exit %d (%s), retry exit %d,"
                    + " read_committed counts %s of %d events%n",
                    midTransaction ? "with the transaction open" : "after the publish ended",
                    interrupted.exitCode(), interrupted.err().strip(), retried.exitCode(), committedCounts,
                    events.size());

            assertThat(interrupted.exitCode()).as(interrupted.err()).isIn(ExitCodes.OK, ExitCodes.UNAVAILABLE);
            assertThat(committedCounts.get(0)).as("committed after the interrupted publish")
                    .isIn(0, events.size());
            assertThat(retried.exitCode()).as(retried.err()).isZero();
            final List<ConsumerRecord<String, byte[]>> log = committed(bootstrap, topic);
            assertThat(log).hasSize(events.size());
            final Set<String> keys = new TreeSet<>();
            log.forEach(record -> keys.add(record.key()));
            assertThat(keys).isEqualTo(new TreeSet<>(events.stream().map(SourcedEvent::partnershipKey).toList()));
            return midTransaction;
        } finally {
            broker.close();
        }
    }

    private PublishCommandTest.Run publish(final String bootstrap, final String topic, final Path dataset) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = new CommandLine(new PublishCommand()).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err)).execute("--bootstrap-servers", bootstrap, "--registry-url",
                        infra.registryUrl(), "--topic", topic, "--timeout", Integer.toString(TIMEOUT_SECONDS),
                        dataset.toString());
        return new PublishCommandTest.Run(code, out.toString(), err.toString());
    }

    private static List<ConsumerRecord<String, byte[]>> committed(final String bootstrap, final String topic) {
        return TopicReader.read(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap), topic,
                IsolationLevel.READ_COMMITTED, new StringDeserializer(), new ByteArrayDeserializer(),
                Duration.ofSeconds(30));
    }

    /** The sum of the topic's end offsets, uncommitted records included; 0 while it does not exist. */
    private static long endOffset(final Admin admin, final String topic) throws Exception {
        if (!admin.listTopics().names().get().contains(topic)) {
            return 0;
        }
        final Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(partition -> ends.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
        return admin.listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get().values()
                .stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }
}
