package eu.partnershiptracker.benchmark.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Writes a run's results as JSON (results-YYYY-MM-DD.json) and renders them as the Markdown table of BENCHMARKS.md. */
public final class ResultsWriter {

    private static final double MEGABYTE = 1024.0 * 1024.0;

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes the JSON into {@code directory} (created if need be) and returns its path. */
    public Path write(final Results results, final Path directory) throws IOException {
        Objects.requireNonNull(results, "results");
        Files.createDirectories(directory);
        final LocalDate day = LocalDate.ofInstant(results.finishedAt(), ZoneOffset.UTC);
        final Path file = directory.resolve("results-" + day + ".json");
        json.writeValue(file.toFile(), results);
        return file;
    }

    public String table(final Results results) {
        Objects.requireNonNull(results, "results");
        final StringBuilder table = new StringBuilder("| measure | figure |\n|---|---|\n");
        final var producer = results.producerPerformance();
        final var consumer = results.consumerPerformance();
        final var topology = results.topology();
        row(table, "ProducerPerformance (" + producer.records() + " x " + producer.recordBytes() + " B, acks=all)",
                "%.0f records/s, %.2f MB/s, p99 %d ms", producer.recordsPerSecond(), producer.megabytesPerSecond(),
                producer.p99LatencyMillis());
        row(table, "ConsumerPerformance (same records)", "%.0f records/s (%.0f records/s fetching), %.2f MB/s",
                consumer.recordsPerSecond(), consumer.fetchRecordsPerSecond(), consumer.megabytesPerSecond());
        row(table, "Load publish (AvroSerializer, idempotent, acks=all)", "%.0f records/s, %.0f B per value",
                results.load().recordsPerSecond(), results.load().averageValueBytes());
        row(table, "Topology, exactly_once_v2, from start()", "%.0f events/s (%d events in %.1f s%s)",
                topology.recordsPerSecond(), topology.records(), topology.seconds(),
                topology.complete() ? "" : ", time limit reached before the end of the load");
        row(table, "Topology, from RUNNING", "%.0f events/s (RUNNING after %.1f s)",
                topology.recordsPerSecondWhileRunning(), topology.secondsToRunning());
        row(table, "Topology / ProducerPerformance", "%.3f", results.ratios().topologyToProducerPerformance());
        row(table, "Topology / ConsumerPerformance", "%.3f (%.3f of its fetch rate)",
                results.ratios().topologyToConsumerPerformance(), results.ratios().topologyToConsumerFetch());
        row(table, "Heap: max used while processing / after full GC / -Xmx", "%.0f / %.0f / %.0f MB",
                topology.maxHeapUsedBytes() / MEGABYTE, topology.heapAfterGcBytes() / MEGABYTE,
                topology.maxHeapBytes() / MEGABYTE);
        row(table, "Resident memory of the benchmark JVM (RocksDB included)", "%.0f MB",
                topology.residentBytes() / MEGABYTE);
        for (final Map.Entry<String, Long> topic : topology.topicBytes().entrySet()) {
            row(table, "Bytes on topic " + topic.getKey(), "%.1f MB", topic.getValue() / MEGABYTE);
        }
        for (final var lookup : results.lookups()) {
            row(table, "As-of lookup, " + lookup.target() + " (" + lookup.lookups() + " lookups, " + lookup.found()
                    + " found)", "p50 %.0f us, p99 %.0f us", lookup.p50Micros(), lookup.p99Micros());
        }
        final var snapshot = results.snapshot();
        row(table, "As-of snapshot of all " + snapshot.partnerships() + " partnerships (as of " + snapshot.asOf()
                + ", median of " + snapshot.runs() + ")", "%.0f ms", snapshot.medianMillis());
        final var restore = results.restore();
        row(table, "Restore after restart with state deleted", "%.1f s to RUNNING (restore %.1f s, %d changelog records)",
                restore.secondsToRunning(), restore.restoreSeconds(), restore.restoredRecords());
        return table.toString();
    }

    private static void row(final StringBuilder table, final String measure, final String format,
            final Object... figures) {
        table.append("| ").append(measure).append(" | ").append(String.format(Locale.ROOT, format, figures))
                .append(" |\n");
    }
}
