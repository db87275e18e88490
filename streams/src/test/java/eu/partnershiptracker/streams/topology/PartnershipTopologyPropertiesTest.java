package eu.partnershiptracker.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.model.ChangeOperation;
import eu.partnershiptracker.model.Correction;
import eu.partnershiptracker.model.CorrectionType;
import eu.partnershiptracker.model.DatePrecision;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PartialDate;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.model.PartnershipState;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.streams.state.PartnershipFold;
import eu.partnershiptracker.streams.state.Timeline;
import eu.partnershiptracker.streams.testing.TestEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random event sets, delivered in random orders with re-publishes, reused ids, corrections and retractions, must give
 * the states, as-of answers and change feed that {@link ReferenceModel} computes independently.
 */
class PartnershipTopologyPropertiesTest {

    private static final List<String> PARTNERSHIPS = List.of("EU:JP", "EU:NO", "NATO:UA");
    private static final List<InstrumentType> TYPES = List.of(InstrumentType.FPA, InstrumentType.SDP,
            InstrumentType.JOINT_DECLARATION, InstrumentType.JOINT_DECLARATION);
    private static final List<String> KEYS = List.of("", "", "2016", "2018");
    private static final List<EventKind> KINDS = List.of(EventKind.SIGNED, EventKind.ENTERED_INTO_FORCE,
            EventKind.NEGOTIATIONS_LAUNCHED, EventKind.LAUNCHED, EventKind.HELD, EventKind.TERMINATED,
            EventKind.SUSPENDED, EventKind.UNKNOWN);
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

    private static Path stateRoot;

    /** What one generated event says, before it is turned into a PolicyEvent. */
    record Draft(int partnership, int instrument, int kind, PartialDate date, int correctionRoll, int target) {
    }

    /** The records to deliver, in order. */
    record Scenario(List<PolicyEvent> arrivals) {
    }

    @BeforeContainer
    static void createStateRoot() throws IOException {
        stateRoot = Files.createTempDirectory("tracker-streams-properties");
    }

    @AfterContainer
    static void deleteStateRoot() throws IOException {
        try (var paths = Files.walk(stateRoot)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Property(tries = 150)
    void theTopologyAgreesWithTheReferenceModel(@ForAll("scenarios") final Scenario scenario,
            @ForAll("asOfDates") final List<LocalDate> asOfDates) {
        try (TopologyFixture fixture = new TopologyFixture(stateRoot)) {
            final Map<String, List<ReferenceModel.Accepted>> accepted = new LinkedHashMap<>();
            final Map<String, PolicyEvent> firstSeen = new HashMap<>();
            final List<String> expectedChanges = new ArrayList<>();
            int rejected = 0;
            for (int i = 0; i < scenario.arrivals().size(); i++) {
                final PolicyEvent event = scenario.arrivals().get(i);
                final String key = event.getActor() + ":" + event.getCounterpart();
                fixture.events.pipeInput(key, event, T0.plusSeconds(i));
                final PolicyEvent known = firstSeen.putIfAbsent(event.getEventId(), event);
                if (known != null) {
                    rejected += known.equals(event) ? 0 : 1;
                    continue;
                }
                final List<ReferenceModel.Accepted> prior = List.copyOf(accepted.getOrDefault(key, List.of()));
                final List<ReferenceModel.Accepted> after = new ArrayList<>(prior);
                after.add(new ReferenceModel.Accepted(event, i));
                accepted.put(key, after);
                final ReferenceModel.View viewBefore = ReferenceModel.view(prior, null);
                final ReferenceModel.View viewAfter = ReferenceModel.view(after, null);
                if (viewBefore != null || viewAfter != null) {
                    expectedChanges.add(event.getEventId() + " " + operation(viewBefore, viewAfter, event)
                            + " retroactive=" + ReferenceModel.retroactive(prior, event));
                }
            }

            final List<PartnershipChange> changes = fixture.changes.readValuesToList();
            assertThat(changes).extracting(change -> change.getCauseEventId() + " " + change.getOperation()
                    + " retroactive=" + change.getRetroactive()).containsExactlyElementsOf(expectedChanges);
            assertThat(fixture.deadLetters.readValuesToList()).hasSize(rejected);
            final Map<String, Long> sequences = new HashMap<>();
            changes.forEach(change -> {
                final String key = change.getActor() + ":" + change.getCounterpart();
                assertThat(change.getChangeId()).isEqualTo(key + "/" + sequences.merge(key, 1L, Long::sum));
            });

            final Map<String, PartnershipState> latest = new HashMap<>();
            fixture.states.readRecordsToList().forEach(record -> latest.put(record.key(), record.value()));
            accepted.forEach((key, events) -> {
                final Timeline timeline = fixture.timeline(key);
                final ReferenceModel.View expected = ReferenceModel.view(events, null);
                assertThat(ReferenceModel.View.of(PartnershipFold.stateAsOf(timeline, null))).as("current " + key)
                        .isEqualTo(expected);
                assertThat(ReferenceModel.View.of(latest.get(key))).as("state topic " + key).isEqualTo(expected);
                for (final LocalDate date : asOfDates) {
                    assertThat(ReferenceModel.View.of(PartnershipFold.stateAsOf(timeline, date)))
                            .as(key + " as of " + date).isEqualTo(ReferenceModel.view(events, date));
                }
            });
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        final Arbitrary<Draft> drafts = Combinators.combine(
                Arbitraries.integers().between(0, PARTNERSHIPS.size() - 1),
                Arbitraries.integers().between(0, TYPES.size() - 1),
                Arbitraries.integers().between(0, KINDS.size() - 1),
                dates(),
                Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 1000)).as(Draft::new);
        return drafts.list().ofMinSize(1).ofMaxSize(16)
                .flatMap(list -> Arbitraries.randoms().map(random -> scenario(list, random)));
    }

    @Provide
    Arbitrary<List<LocalDate>> asOfDates() {
        return Arbitraries.integers().between(0, 6 * 366).map(days -> LocalDate.of(2018, 12, 1).plusDays(days))
                .list().ofMinSize(1).ofMaxSize(4);
    }

    private static Arbitrary<PartialDate> dates() {
        return Combinators.combine(Arbitraries.integers().between(2019, 2023), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 28), Arbitraries.of(DatePrecision.class)).as((year, month, day, precision) ->
                        switch (precision) {
                            case DAY -> new PartialDate(LocalDate.of(year, month, day), precision);
                            case MONTH -> new PartialDate(LocalDate.of(year, month, 1), precision);
                            case YEAR -> new PartialDate(LocalDate.of(year, 1, 1), precision);
                        });
    }

    /**
     * Events e0..en from the drafts; rolls 0-1 make a correction and roll 2 a retraction of an earlier event (taking its
     * partnership), so corrections of corrections occur too. The arrival order is shuffled, about a fifth of the events
     * are published twice and about a tenth get a second, different event under the same id.
     */
    private static Scenario scenario(final List<Draft> drafts, final Random random) {
        final List<PolicyEvent> events = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            final Draft draft = drafts.get(i);
            final boolean correcting = i > 0 && draft.correctionRoll() < 3;
            final PolicyEvent target = correcting ? events.get(draft.target() % i) : null;
            final String partnership = target == null ? PARTNERSHIPS.get(draft.partnership())
                    : target.getActor() + ":" + target.getCounterpart();
            final PolicyEvent.Builder event = TestEvents.event("e" + i, partnership, TYPES.get(draft.instrument()),
                    KINDS.get(draft.kind()), "2000")
                    .setEventDate(draft.date())
                    .setInstrumentKey(KEYS.get(draft.instrument()).isEmpty() ? null : KEYS.get(draft.instrument()));
            if (target != null) {
                event.setCorrection(new Correction(target.getEventId(),
                        draft.correctionRoll() < 2 ? CorrectionType.CORRECTS : CorrectionType.RETRACTS, null));
            }
            events.add(event.build());
        }
        final List<PolicyEvent> arrivals = new ArrayList<>(events);
        for (final PolicyEvent event : events) {
            final int roll = random.nextInt(10);
            if (roll < 2) {
                arrivals.add(PolicyEvent.newBuilder(event).build());
            } else if (roll == 2) {
                arrivals.add(PolicyEvent.newBuilder(event).setNotes("a different claim under a reused id").build());
            }
        }
        Collections.shuffle(arrivals, random);
        return new Scenario(arrivals);
    }

    private static ChangeOperation operation(final ReferenceModel.View before, final ReferenceModel.View after,
            final PolicyEvent event) {
        if (before == null) {
            return ChangeOperation.CREATE;
        }
        if (after == null) {
            return ChangeOperation.DELETE;
        }
        if (event.getCorrection() == null) {
            return ChangeOperation.UPDATE;
        }
        return event.getCorrection().getType() == CorrectionType.CORRECTS ? ChangeOperation.CORRECT : ChangeOperation.RETRACT;
    }
}
