package eu.partnershiptracker.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.partnershiptracker.benchmark.postgres.PostgresBinaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole harness end to end on a tiny load: every phase runs and the results file holds the headline
 * figures, numeric, beside consistent details. The figures themselves are the benchmark's business, not this test's.
 */
class BenchmarkSmokeTest {

    /** Issue 12's names, at the top level of the results. */
    private static final List<String> HEADLINE = List.of("producerPerformanceRecordsPerSecond",
            "passThroughEventsPerSecond", "topologyEventsPerSecond", "changeLatencyP99Millis",
            "asOfLookupInProcessP99Micros", "asOfLookupHttpP99Micros", "snapshotInProcessMillis", "restoreSeconds",
            "heapMaxUsedMb", "eventBytes", "bytesWrittenPerEvent");
    private static final List<String> POSTGRES = List.of("postgresAsOfLookupP99Micros", "postgresSnapshotMillis");

    @Test
    void aSmallRunMeasuresEveryPhaseAndWritesTheResults(@TempDir final Path out) throws IOException {
        final int exit = new CommandLine(new Benchmark()).execute("--events", "2000", "--partnerships", "20",
                "--lookups", "200", "--snapshot-runs", "1", "--fixed-rate-seconds", "3", "--fixed-rate-events", "150",
                "--history-events", "2000",
                "--history-lengths", "10,100,1000", "--timeout-minutes", "3", "--streams-property",
                "commit.interval.ms=100", "--out", out.toString(), "--work-dir", out.resolve("work").toString());

        assertThat(exit).isZero();
        final List<Path> files;
        try (Stream<Path> listed = Files.list(out)) {
            files = listed.filter(path -> path.getFileName().toString().matches("results-\\d{4}-\\d{2}-\\d{2}\\.json"))
                    .toList();
        }
        assertThat(files).hasSize(1);
        final JsonNode results = new ObjectMapper().readTree(files.get(0).toFile());
        for (final String field : HEADLINE) {
            assertThat(results.get(field)).as(field).isNotNull();
            assertThat(results.get(field).isNumber()).as(field + " is a number").isTrue();
            assertThat(results.get(field).asDouble()).as(field).isPositive();
        }
        assertThat(results.at("/throughputByHistoryLength").fieldNames()).toIterable()
                .containsExactly("10", "100", "1000");
        results.at("/throughputByHistoryLength").forEach(rate -> assertThat(rate.asDouble()).isPositive());
        final boolean postgresInstalled = PostgresBinaries.find().isPresent();
        for (final String field : POSTGRES) {
            assertThat(results.has(field)).as(field).isTrue();
            if (postgresInstalled) {
                assertThat(results.get(field).isNumber()).as(field + " is a number").isTrue();
                assertThat(results.get(field).asDouble()).as(field).isPositive();
            } else {
                System.err.println("PostgreSQL's initdb is not installed here: the smoke test only checks that "
                        + field + " is null and said not to be measured");
                assertThat(results.get(field).isNull()).as(field + " without PostgreSQL").isTrue();
                assertThat(results.at("/details/postgresNote").asText()).contains("initdb was not found");
            }
        }
        if (postgresInstalled) {
            assertThat(results.at("/details/postgres/rowsLoaded").asLong()).as("rows from the tracker's answers")
                    .isPositive();
        }
        assertThat(results.at("/details/tracker/complete").asBoolean()).isTrue();
        assertThat(results.at("/details/tracker/records").asLong()).isEqualTo(2000);
        assertThat(results.at("/details/passThrough/records").asLong()).isEqualTo(2000);
        assertThat(results.at("/details/producerPerformance")).hasSize(2);
        assertThat(results.at("/details/consumerPerformance/records").asLong()).isEqualTo(2000);
        assertThat(results.at("/details/partnershipsInStore").asLong()).isGreaterThanOrEqualTo(20);
        assertThat(results.at("/details/inProcessLookups/lookups").asInt()).isEqualTo(200);
        assertThat(results.at("/details/httpLookups/lookups").asInt()).isEqualTo(200);
        assertThat(results.at("/details/httpSnapshot/bytes").asLong()).isPositive();
        assertThat(results.at("/details/fixedRateAlone/alongside").asText()).isEqualTo("nothing");
        assertThat(results.at("/details/fixedRateAlone/changeLatency/changes").asLong()).isPositive();
        assertThat(results.get("changeLatencyP99Millis").asDouble()).as("the headline is the phase alone's")
                .isEqualTo(results.at("/details/fixedRateAlone/changeLatency/p99Millis").asDouble());
        assertThat(results.at("/details/fixedRateInProcess/changeLatency/changes").asLong()).isPositive();
        assertThat(results.at("/details/fixedRateHttp/changeLatency/changes").asLong()).isPositive();
        assertThat(results.at("/details/restore/restoredRecords").asLong()).isPositive();
        assertThat(results.at("/details/tracker/writes/topics").findValuesAsText("topic"))
                .as("the tracker's own topics and changelogs are counted, its input is not")
                .contains("tracker-changes").doesNotContain("tracker-events");
        assertThat(results.at("/parameters/streamsProperties/commit.interval.ms").asText()).isEqualTo("100");
        assertThat(results.at("/phases").findValuesAsText("name")).hasSizeGreaterThanOrEqualTo(13)
                .containsSubsequence("JIT warm-up: the tracker over a load of its own", "tracker topology",
                        "fixed rate, nothing else at work", "fixed rate, in-process lookups",
                        "fixed rate, HTTP lookups from another JVM");
        assertThat(results.at("/parameters/fixedRateEvents").asLong()).isEqualTo(150);
        for (final String phase : List.of("fixedRateAlone", "fixedRateInProcess", "fixedRateHttp")) {
            assertThat(results.at("/details/" + phase + "/published/records").asLong()).as(phase)
                    .isBetween(1L, 150L);
        }
        results.at("/phases").forEach(phase -> assertThat(phase.get("loadAverageAtEnd").isNumber()).isTrue());
        try (Stream<Path> work = Files.list(out.resolve("work"))) {
            assertThat(work).as("the run's work directory is deleted").isEmpty();
        }
    }
}
