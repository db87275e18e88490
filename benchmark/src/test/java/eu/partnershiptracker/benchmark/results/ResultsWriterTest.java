package eu.partnershiptracker.benchmark.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.partnershiptracker.benchmark.baseline.ConsumerFigures;
import eu.partnershiptracker.benchmark.baseline.ProducerFigures;
import eu.partnershiptracker.benchmark.latency.FixedRateFigures;
import eu.partnershiptracker.benchmark.latency.LatencyFigures;
import eu.partnershiptracker.benchmark.load.PublishFigures;
import eu.partnershiptracker.benchmark.lookup.Latencies;
import eu.partnershiptracker.benchmark.lookup.SnapshotTimes;
import eu.partnershiptracker.benchmark.streams.RestoreFigures;
import eu.partnershiptracker.benchmark.streams.TopologyFigures;
import eu.partnershiptracker.benchmark.system.Phase;
import eu.partnershiptracker.benchmark.writes.OutputProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headline change latency comes from the fixed-rate phase with nothing else at work; the phases with lookups at
 * work are reported beside it, in the table and in the JSON details, each named for what ran alongside.
 */
class ResultsWriterTest {

    private static final FixedRateFigures ALONE = fixedRate("nothing", new LatencyFigures(700, 40, 90, 110, 120));
    private static final FixedRateFigures IN_PROCESS = fixedRate("in-process lookups",
            new LatencyFigures(710, 900, 2500, 2900, 3000));
    private static final FixedRateFigures HTTP = fixedRate("the HTTP API and a lookup client in another JVM",
            new LatencyFigures(720, 1500, 4100, 4400, 4500));

    private final ResultsWriter writer = new ResultsWriter();

    @Test
    void theHeadlineChangeLatencyIsThatOfThePhaseWithNothingElseAtWork() {
        final Results results = results();

        assertThat(results.changeLatencyP50Millis()).isEqualTo(40);
        assertThat(results.changeLatencyP99Millis()).isEqualTo(90);
        assertThat(results.changeLatencyMaxMillis()).isEqualTo(120);
        assertThat(writer.table(results)).contains("| Change latency at 70% of capacity (700 events/s, 700 changes, "
                + "nothing else at work) | p50 40 ms, p99 90 ms, max 120 ms (goal p99 <= 250 ms) |");
    }

    @Test
    void theTableShowsTheChangeLatencyWithLookupsAtWorkBesideTheHeadline() {
        final String table = writer.table(results());

        assertThat(table).contains("| Change latency, same rate, with in-process lookups at work (710 changes) | "
                + "p50 900 ms, p99 2500 ms, max 3000 ms |");
        assertThat(table).contains("| Change latency, same rate, with the HTTP client at work (720 changes) | "
                + "p50 1500 ms, p99 4100 ms, max 4500 ms |");
        assertThat(table.indexOf("nothing else at work")).isLessThan(table.indexOf("in-process lookups at work"))
                .isLessThan(table.indexOf("the HTTP client at work"));
    }

    @Test
    void theJsonDetailsHoldEachFixedRatePhaseWithWhatRanAlongside(@TempDir final Path out) throws IOException {
        final JsonNode json = new ObjectMapper().readTree(writer.write(results(), out).toFile());

        assertThat(json.get("changeLatencyP99Millis").asDouble()).isEqualTo(90);
        assertThat(json.at("/details/fixedRateAlone/alongside").asText()).isEqualTo("nothing");
        assertThat(json.at("/details/fixedRateAlone/changeLatency/p99Millis").asDouble()).isEqualTo(90);
        assertThat(json.at("/details/fixedRateInProcess/alongside").asText()).isEqualTo("in-process lookups");
        assertThat(json.at("/details/fixedRateInProcess/changeLatency/p99Millis").asDouble()).isEqualTo(2500);
        assertThat(json.at("/details/fixedRateHttp/alongside").asText()).contains("HTTP");
        assertThat(json.at("/details/fixedRateHttp/changeLatency/p99Millis").asDouble()).isEqualTo(4100);
    }

    private static Results results() {
        final Map<String, TopologyFigures> byLength = Map.of("10", topology("h10", 1200), "1000",
                topology("h1000", 1100));
        final Details details = new Details(List.of(producer(), producer()),
                new ConsumerFigures(10_000, 2, 50_000, 10, 100, 200, 50_000, 10),
                new PublishFigures(10_000, 1, 10_000, 250), topology("tracker", 1000), topology("pass-through", 1300),
                byLength, ALONE, IN_PROCESS, HTTP, new Latencies("in-process", 200, 150, 300, 800, 350, 900),
                new Latencies("http", 200, 150, 1500, 4000, 1600, 4500),
                new SnapshotTimes("in-process", LocalDate.of(2020, 12, 31), 100, 0, 1, 30, List.of(30.0)),
                new SnapshotTimes("http", LocalDate.of(2020, 12, 31), 0, 50_000, 1, 60, List.of(60.0)), 100,
                new RestoreFigures(3, 4, 2, 5_000), new Details.Heap(200L << 20, 100L << 20, 512L << 20, 300L << 20,
                        500, 20), null, "not measured: PostgreSQL's initdb was not found");
        final Results.Parameters parameters = new Results.Parameters(10_000, 100, "REALISTIC", 6, 1, 200, 1, 0.7, 1,
                1_000, List.of(10, 1000), 10_000, Map.of());
        return Results.of(parameters, details, List.of(new Phase(1, "publish 10000 events", 1, 0.5, 0.6)), null,
                null);
    }

    private static FixedRateFigures fixedRate(final String alongside, final LatencyFigures latency) {
        return new FixedRateFigures(alongside, 0.7, 700, new PublishFigures(700, 1, 700, 250), latency);
    }

    private static ProducerFigures producer() {
        return new ProducerFigures(10_000, 250, 50_000, 12, 5, 50, 4, 30);
    }

    private static TopologyFigures topology(final String application, final double eventsPerSecond) {
        return new TopologyFigures(application, true, 10_000, 10, eventsPerSecond, 1, eventsPerSecond,
                new OutputProfile(10_000, List.of(new OutputProfile.TopicOutput(application + "-changes", 10_000,
                        2_000_000, 1, 200))), Map.of());
    }
}
