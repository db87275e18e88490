package eu.partnershiptracker.streams;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.core.fold.PartnershipFold;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.testing.Scenarios;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.model.PolicyEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.commons.io.file.PathUtils;

/**
 * Random event sets ({@link Scenarios}), delivered in random orders with re-publishes, reused ids, corrections and
 * retractions, must give the states, as-of answers and change feed that {@link ReferenceModel} computes independently.
 */
class PartnershipTopologyPropertiesTest {

    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

    private static Path stateRoot;

    @BeforeContainer
    static void createStateRoot() throws IOException {
        stateRoot = Files.createTempDirectory("tracker-streams-properties");
    }

    @AfterContainer
    static void deleteStateRoot() throws IOException {
        PathUtils.deleteDirectory(stateRoot);
    }

    @Property(tries = 150)
    void theTopologyAgreesWithTheReferenceModel(@ForAll("scenarios") final Scenarios.Scenario scenario,
            @ForAll("asOfDates") final List<LocalDate> asOfDates) {
        try (TopologyFixture fixture = new TopologyFixture(stateRoot)) {
            for (int i = 0; i < scenario.arrivals().size(); i++) {
                final PolicyEvent event = scenario.arrivals().get(i);
                fixture.events.pipeInput(ExpectedOutcome.key(event), event, T0.plusSeconds(i));
            }
            final ExpectedOutcome expected = ExpectedOutcome.of(scenario.arrivals());

            final List<PartnershipChange> changes = fixture.changes.readValuesToList();
            assertThat(changes).extracting(ExpectedOutcome::describe).containsExactlyElementsOf(
                    expected.changes().stream().map(ExpectedOutcome.Change::description).toList());
            assertThat(fixture.deadLetters.readValuesToList()).hasSize(expected.rejected());
            final Map<String, Long> sequences = new HashMap<>();
            changes.forEach(change -> {
                final String key = PartnershipKey.of(change.getActor().name(), change.getCounterpart());
                assertThat(change.getChangeId()).isEqualTo(key + "/" + sequences.merge(key, 1L, Long::sum));
            });

            final LatestInstruments latest = new LatestInstruments();
            fixture.instruments.readRecordsToList().forEach(record -> latest.apply(record.key(), record.value()));
            assertThat(latest.partnerships()).as("partnerships on the instruments topic")
                    .isSubsetOf(expected.partnerships());
            for (final String key : expected.partnerships()) {
                final Timeline timeline = fixture.timeline(key);
                assertThat(ReferenceModel.View.of(PartnershipFold.stateAsOf(timeline, null))).as("current " + key)
                        .isEqualTo(expected.view(key, null));
                assertThat(ReferenceModel.View.of(latest.state(key))).as("instruments topic " + key)
                        .isEqualTo(ReferenceModel.View.published(expected.view(key, null)));
                for (final LocalDate date : asOfDates) {
                    assertThat(ReferenceModel.View.of(PartnershipFold.stateAsOf(timeline, date)))
                            .as(key + " as of " + date).isEqualTo(expected.view(key, date));
                    final int known = Math.floorMod(date.hashCode(), scenario.arrivals().size());
                    assertThat(ReferenceModel.View.of(PartnershipFold.stateAsOf(timeline, date, T0.plusSeconds(known))))
                            .as(key + " as of " + date + " known at arrival " + known)
                            .isEqualTo(expected.view(key, date, known));
                }
            }
        }
    }

    @Provide
    Arbitrary<Scenarios.Scenario> scenarios() {
        return Scenarios.scenarios();
    }

    @Provide
    Arbitrary<List<LocalDate>> asOfDates() {
        return Scenarios.asOfDates();
    }
}
