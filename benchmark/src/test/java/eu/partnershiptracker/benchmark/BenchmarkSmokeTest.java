package eu.partnershiptracker.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The whole harness end to end on a tiny load: every phase runs and the results file holds consistent figures. */
class BenchmarkSmokeTest {

    @Test
    void aSmallRunMeasuresEveryPhaseAndWritesTheResults(@TempDir final Path out) throws IOException {
        final int exit = new CommandLine(new Benchmark()).execute("--events", "2000", "--partnerships", "20",
                "--lookups", "200", "--snapshot-runs", "1", "--timeout-minutes", "3", "--out", out.toString(),
                "--work-dir", out.resolve("work").toString());

        assertThat(exit).isZero();
        final List<Path> files;
        try (Stream<Path> listed = Files.list(out)) {
            files = listed.filter(path -> path.getFileName().toString().matches("results-\\d{4}-\\d{2}-\\d{2}\\.json"))
                    .toList();
        }
        assertThat(files).hasSize(1);
        final JsonNode results = new ObjectMapper().readTree(files.get(0).toFile());
        assertThat(results.at("/producerPerformance/records").asLong()).isEqualTo(2000);
        assertThat(results.at("/consumerPerformance/records").asLong()).isEqualTo(2000);
        assertThat(results.at("/load/records").asLong()).isEqualTo(2000);
        assertThat(results.at("/topology/complete").asBoolean()).isTrue();
        assertThat(results.at("/topology/records").asLong()).isEqualTo(2000);
        assertThat(results.at("/topology/recordsPerSecond").asDouble()).isPositive();
        assertThat(results.at("/topology/partnershipsInStore").asLong()).isEqualTo(20);
        assertThat(results.at("/topology/heapAfterGcBytes").asLong()).isPositive();
        assertThat(results.at("/topology/topicBytes/partnership-changes").asLong()).isPositive();
        assertThat(results.at("/lookups/0/target").asText()).isEqualTo("in-process");
        assertThat(results.at("/lookups/0/lookups").asInt()).isEqualTo(200);
        assertThat(results.at("/lookups/0/found").asInt()).isBetween(1, 199);
        assertThat(results.at("/snapshot/partnerships").asLong()).isEqualTo(20);
        assertThat(results.at("/restore/restoredRecords").asLong()).isPositive();
        assertThat(results.at("/restore/partnershipsInStore").asLong()).isEqualTo(20);
        assertThat(results.at("/ratios/topologyToProducerPerformance").asDouble()).isPositive();
        try (Stream<Path> work = Files.list(out.resolve("work"))) {
            assertThat(work).as("the run's work directory is deleted").isEmpty();
        }
    }
}
