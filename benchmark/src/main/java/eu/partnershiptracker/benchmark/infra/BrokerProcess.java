package eu.partnershiptracker.benchmark.infra;

import eu.partnershiptracker.embedded.ChildProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The benchmark's Kafka broker: test-support's KafkaBroker (KRaft, one combined node) in a child JVM. Its own JVM keeps
 * the broker's heap and GC pauses out of the heap and latency figures of the streams application, which runs in the
 * benchmark's JVM; its temporary directory (the log segments, gigabytes at 1M events) is under the benchmark's work
 * directory so that nothing outlives the run.
 */
public final class BrokerProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile(Pattern.quote(BrokerMain.READY) + "(\\S+)");
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private final ChildProcess process;
    private final String bootstrapServers;

    private BrokerProcess(final ChildProcess process, final String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    public static BrokerProcess start(final Path workDirectory, final String maxHeap) {
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(maxHeap, "maxHeap");
        final List<String> command = JavaCommand.of(
                List.of("-Xmx" + maxHeap, "-Djava.io.tmpdir=" + workDirectory.toAbsolutePath()),
                BrokerMain.class.getName(), List.of());
        final ChildProcess process = ChildProcess.builder("Kafka broker", workDirectory.resolve("broker.log"), command)
                .stopTimeout(Duration.ofSeconds(30))
                .start();
        try {
            final String bootstrap = process.awaitLogLine(READY, STARTUP_TIMEOUT).group(1);
            return new BrokerProcess(process, bootstrap);
        } catch (final RuntimeException e) {
            process.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        process.close();
    }
}
