package eu.partnershiptracker.streams;

import eu.partnershiptracker.core.testing.Scenarios;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The property check of {@link PartnershipTopologyPropertiesTest} on a real broker and registry, for a few seeded
 * scenarios: shuffled arrivals with re-publishes, reused ids and corrections, spread over several partitions, must give
 * the ReferenceModel's change feeds, states (instruments topic and interactive queries) and as-of answers.
 */
@ExtendWith(RealInfrastructure.class)
class OutOfOrderOnBrokerTest {

    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

    @TempDir
    Path stateDir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 7L, 42L, 2024L, 90210L, 31337L})
    void theApplicationAgreesWithTheReferenceModel(final long seed, final Infrastructure infra) {
        final Scenarios.Scenario scenario = Scenarios.sample(Scenarios.scenarios(), seed);
        final List<LocalDate> asOfDates = Scenarios.sample(Scenarios.asOfDates(), seed);
        final ExpectedOutcome expected = ExpectedOutcome.of(scenario.arrivals());
        try (BrokerTracker tracker = new BrokerTracker(infra, Map.of())) {
            tracker.publish(tracker.records(scenario.arrivals(), T0));
            final KafkaStreams streams = tracker.start(stateDir);
            tracker.awaitProcessed();

            CommittedOutput.read(tracker).assertMatches(expected);
            CommittedOutput.assertStoreMatches(BrokerTracker.timelines(streams), expected, asOfDates);
        }
    }
}
