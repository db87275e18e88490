package eu.partnershiptracker.benchmark.baseline;

import eu.partnershiptracker.embedded.ChildProcess;
import eu.partnershiptracker.embedded.JavaCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Runs Kafka's own ProducerPerformance and ConsumerPerformance (kafka-tools) against the benchmark's broker, each in a
 * child JVM whose output is kept in the work directory, and returns their figures: the raw broker baseline that the
 * topology's throughput is compared with.
 */
public final class KafkaPerfTools {

    private static final String PRODUCER_PERFORMANCE = "org.apache.kafka.tools.ProducerPerformance";
    private static final String CONSUMER_PERFORMANCE = "org.apache.kafka.tools.ConsumerPerformance";
    /** The tools print their figures with String.format: a decimal point, whatever the machine's locale. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx1g", "-Duser.language=en", "-Duser.country=US");

    private final String bootstrapServers;
    private final Path workDirectory;
    private final Duration timeout;

    public KafkaPerfTools(final String bootstrapServers, final Path workDirectory, final Duration timeout) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Unthrottled, acks=all and idempotent (the client default), like the tracker's own producers. */
    public ProducerFigures produce(final String topic, final long records, final int recordBytes) {
        final List<String> output = run("producer-performance", PRODUCER_PERFORMANCE, List.of(
                "--topic", topic,
                "--num-records", Long.toString(records),
                "--record-size", Integer.toString(recordBytes),
                "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true"));
        return PerfToolOutput.producer(output, recordBytes);
    }

    public ConsumerFigures consume(final String topic, final long records) {
        final List<String> output = run("consumer-performance", CONSUMER_PERFORMANCE, List.of(
                "--bootstrap-server", bootstrapServers,
                "--topic", topic,
                "--num-records", Long.toString(records),
                "--group", "consumer-performance-" + topic,
                "--timeout", "60000"));
        return PerfToolOutput.consumer(output);
    }

    private List<String> run(final String name, final String mainClass, final List<String> arguments) {
        final Path log = workDirectory.resolve(name + ".log");
        try (ChildProcess process = ChildProcess.builder(name, log, JavaCommand.of(JVM_OPTIONS, mainClass, arguments))
                .start()) {
            final OptionalInt exit = process.awaitExit(timeout);
            if (exit.isEmpty() || exit.getAsInt() != 0) {
                throw new IllegalStateException(name + (exit.isEmpty() ? " did not finish within " + timeout
                        : " exited with code " + exit.getAsInt()) + "; last lines of " + log + ":\n"
                        + process.lastLogLines());
            }
        }
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }
}
