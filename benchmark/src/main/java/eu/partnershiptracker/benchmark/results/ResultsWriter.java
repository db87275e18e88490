package eu.partnershiptracker.benchmark.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import eu.partnershiptracker.benchmark.latency.FixedRateFigures;
import eu.partnershiptracker.benchmark.system.Phase;
import eu.partnershiptracker.benchmark.writes.OutputProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
        final Details details = results.details();
        row(table, "ProducerPerformance (" + details.producerPerformance().get(0).records() + " x "
                + details.producerPerformance().get(0).recordBytes() + " B, acks=all; mean of the runs before and "
                + "after the topologies)", "%.0f records/s", results.producerPerformanceRecordsPerSecond());
        row(table, "ConsumerPerformance (same records)", "%.0f records/s",
                results.consumerPerformanceRecordsPerSecond());
        row(table, "Pass-through topology, exactly_once_v2, same writes per event as the tracker", "%.0f events/s "
                + "(%.2f records, %.0f B per event)", results.passThroughEventsPerSecond(),
                details.passThrough().writes().recordsPerEvent(), details.passThrough().writes().bytesPerEvent());
        row(table, "Tracker topology, exactly_once_v2 (from RUNNING)", "%.0f events/s (%d events%s)",
                results.topologyEventsPerSecond(), details.tracker().records(),
                details.tracker().complete() ? "" : ", time limit reached before the end of the load");
        row(table, "Tracker / pass-through (goal >= 0.7)", "%.3f", results.ratios().topologyToPassThrough());
        row(table, "Tracker / ProducerPerformance (goal >= 0.2)", "%.3f",
                results.ratios().topologyToProducerPerformance());
        final Map<Integer, Double> byLength = new TreeMap<>();
        results.throughputByHistoryLength().forEach((length, rate) -> byLength.put(Integer.parseInt(length), rate));
        byLength.forEach((length, rate) -> row(table, "Tracker at " + length + " events per partnership",
                "%.0f events/s", rate));
        row(table, "Longest / shortest history (goal >= 0.8)", "%.3f", results.ratios().longestToShortestHistory());
        row(table, String.format(Locale.ROOT, "Change latency at %.0f%% of capacity (%.0f events/s, %d changes, "
                        + "nothing else at work)",
                        results.parameters().shareOfCapacity() * 100,
                        details.fixedRateAlone().targetEventsPerSecond(),
                        details.fixedRateAlone().changeLatency().changes()),
                "p50 %.0f ms, p99 %.0f ms, max %.0f ms (goal p99 <= 250 ms)", results.changeLatencyP50Millis(),
                results.changeLatencyP99Millis(), results.changeLatencyMaxMillis());
        changeLatencyAlongside(table, "in-process lookups", details.fixedRateInProcess());
        changeLatencyAlongside(table, "the HTTP client", details.fixedRateHttp());
        row(table, "As-of lookup of instrument statuses in-process, while processing ("
                + details.inProcessLookups().lookups() + ")", "p50 %.0f us, p99 %.0f us (goal p99 <= 1000 us)",
                results.asOfLookupInProcessP50Micros(), results.asOfLookupInProcessP99Micros());
        row(table, "As-of lookup of instrument statuses over HTTP from another JVM, while processing ("
                + details.httpLookups().lookups() + ")", "p50 %.0f us, p99 %.0f us (goal p99 <= 5000 us)",
                results.asOfLookupHttpP50Micros(), results.asOfLookupHttpP99Micros());
        row(table, "Snapshot of all " + details.inProcessSnapshot().partnerships() + " partnerships in-process (as of "
                + details.inProcessSnapshot().asOf() + ", median)", "%.1f ms", results.snapshotInProcessMillis());
        row(table, "Snapshot over HTTP, streamed", "%.1f ms, %.1f MB", results.snapshotHttpMillis(),
                details.httpSnapshot().bytes() / MEGABYTE);
        final var postgres = details.postgres();
        row(table, "PostgreSQL temporal table (GiST): as-of lookup of instrument statuses as of the snapshot date;"
                + " snapshot", "%s",
                postgres == null ? details.postgresNote() : String.format(Locale.ROOT,
                        "p50 %.0f us, p99 %.0f us; %.1f ms for %d rows (%d rows loaded)", postgres.asOfLookupP50Micros(),
                        postgres.asOfLookupP99Micros(), postgres.snapshotMillis(), postgres.snapshotRows(),
                        postgres.rowsLoaded()));
        row(table, "Restore after deleting local state", "%.1f s to RUNNING, %.1f s to the first answer "
                + "(%d changelog records)", details.restore().secondsToRunning(), results.restoreSeconds(),
                details.restore().restoredRecords());
        row(table, "Heap: max used / after GC / -Xmx; GC time", "%.0f / %.0f / %.0f MB; %d ms in %d collections",
                results.heapMaxUsedMb(), details.heap().usedAfterGcBytes() / MEGABYTE,
                details.heap().maxHeapBytes() / MEGABYTE, details.heap().gcMillis(), details.heap().gcCount());
        row(table, "Event (mean serialised value)", "%.0f B", results.eventBytes());
        row(table, "Bytes written per event, uncompressed, changelogs included (goal <= 4 x event)", "%.0f B (%.2f x)",
                results.bytesWrittenPerEvent(), results.ratios().bytesWrittenToEventBytes());
        for (final OutputProfile.TopicOutput topic : details.tracker().writes().topics()) {
            row(table, "  written to " + topic.topic(), "%.2f records of %.0f B per event", topic.recordsPerEvent(),
                    topic.bytesPerRecord());
        }
        for (final Phase phase : results.phases()) {
            row(table, "Phase " + phase.order() + ": " + phase.name(), "%.1f s, load average %.2f -> %.2f",
                    phase.seconds(), phase.loadAverageAtStart(), phase.loadAverageAtEnd());
        }
        return table.toString();
    }

    /** A fixed-rate phase that shared the cores with {@code what}: beside the headline, not against the goal. */
    private static void changeLatencyAlongside(final StringBuilder table, final String what,
            final FixedRateFigures phase) {
        row(table, "Change latency, same rate, with " + what + " at work (" + phase.changeLatency().changes()
                + " changes)", "p50 %.0f ms, p99 %.0f ms, max %.0f ms", phase.changeLatency().p50Millis(),
                phase.changeLatency().p99Millis(), phase.changeLatency().maxMillis());
    }

    private static void row(final StringBuilder table, final String measure, final String format,
            final Object... figures) {
        table.append("| ").append(measure).append(" | ").append(String.format(Locale.ROOT, format, figures))
                .append(" |\n");
    }
}
