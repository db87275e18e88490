package eu.partnershiptracker.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.partnershiptracker.model.CorrectionType;
import eu.partnershiptracker.model.DatePrecision;
import eu.partnershiptracker.model.PolicyEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The generated load has the size and the irregularities the benchmark promises, and is the same for the same seed. */
class EventGeneratorTest {

    private final EventGenerator generator = new EventGenerator(7, 20_003, 200);

    private List<PolicyEvent> all() {
        return IntStream.range(0, generator.partnerships()).boxed()
                .flatMap(partnership -> generator.partnershipEvents(partnership).stream()).toList();
    }

    @Test
    void theEventsAreSpreadEvenlyOverDistinctPartnerships() {
        assertThat(all()).hasSize(20_003);
        assertThat(generator.partnershipEvents(0)).hasSize(101);
        assertThat(generator.partnershipEvents(3)).hasSize(100);
        final Set<String> keys = IntStream.range(0, 200).mapToObj(generator::key).collect(Collectors.toSet());
        assertThat(keys).hasSize(200).contains("EU:AAA", "NATO:AAD");
        assertThat(generator.counterpart(26 * 26 * 26)).isEqualTo("BAAA");
    }

    @Test
    void everyEventBelongsToItsPartnership() {
        for (int partnership = 0; partnership < generator.partnerships(); partnership++) {
            final String key = generator.key(partnership);
            assertThat(generator.partnershipEvents(partnership))
                    .allSatisfy(event -> assertThat(event.getActor() + ":" + event.getCounterpart()).isEqualTo(key));
        }
    }

    @Test
    void theSameSeedGivesTheSameEvents() {
        assertThat(new EventGenerator(7, 20_003, 200).partnershipEvents(42))
                .isEqualTo(generator.partnershipEvents(42))
                .isNotEqualTo(new EventGenerator(8, 20_003, 200).partnershipEvents(42));
    }

    @Test
    void theLoadHasDuplicatesCorrectionsRetractionsMixedPrecisionAndLateArrivals() {
        final List<PolicyEvent> events = all();
        final long distinct = events.stream().map(PolicyEvent::getEventId).distinct().count();
        assertThat(events.size() - distinct).as("re-published duplicates").isBetween(300L, 1000L);
        final Map<CorrectionType, Long> revisions = events.stream().filter(event -> event.getCorrection() != null)
                .collect(Collectors.groupingBy(event -> event.getCorrection().getType(), Collectors.counting()));
        assertThat(revisions.get(CorrectionType.CORRECTS)).isBetween(200L, 600L);
        assertThat(revisions.get(CorrectionType.RETRACTS)).isBetween(100L, 300L);
        final Map<DatePrecision, Long> precisions = events.stream()
                .collect(Collectors.groupingBy(event -> event.getEventDate().getPrecision(), Collectors.counting()));
        assertThat(precisions.keySet()).containsExactlyInAnyOrder(DatePrecision.values());
        assertThat(lateArrivals(generator.partnershipEvents(5))).isPositive();
    }

    @Test
    void tooFewEventsIsAnError() {
        assertThatThrownBy(() -> new EventGenerator(1, 10, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFixedHistoryLengthGivesEveryPartnershipThatManyEventsOfTheSameTotal() {
        final EventGenerator fixed = EventGenerator.withHistoryLength(7, 10_050, 100, EventGenerator.Shape.REALISTIC);
        assertThat(fixed.events()).isEqualTo(10_000);
        assertThat(fixed.partnerships()).isEqualTo(100);
        assertThat(IntStream.range(0, 100).map(partnership -> fixed.partnershipEvents(partnership).size()))
                .containsOnly(100);
        assertThatThrownBy(() -> EventGenerator.withHistoryLength(7, 99, 100, EventGenerator.Shape.STRESS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("history length");
    }

    @Test
    void theRealisticShapeSharesInstrumentKeysWhereTheStressShapeGivesEveryRoundItsOwn() {
        final long stress = instruments(new EventGenerator(7, 1_000, 2, 0, EventGenerator.Shape.STRESS));
        final long realistic = instruments(new EventGenerator(7, 1_000, 2, 0, EventGenerator.Shape.REALISTIC));
        assertThat(stress).as("about one instrument per round").isGreaterThan(500);
        assertThat(realistic).as("a few lifecycles and shared round keys per partnership").isLessThanOrEqualTo(2 * 5);
    }

    @Test
    void aLoadStartingAtAnotherPartnershipHasKeysAndEventIdsOfItsOwn() {
        final EventGenerator later = new EventGenerator(7, 2_000, 20, 200, EventGenerator.Shape.REALISTIC);
        assertThat(later.keys()).doesNotContainAnyElementsOf(generator.keys()).hasSize(20);
        assertThat(later.key(0)).as("numbered on from 200").isEqualTo(new EventGenerator(7, 2_010, 201).key(200));
        final Set<String> ids = all().stream().map(PolicyEvent::getEventId).collect(Collectors.toSet());
        assertThat(later.partnershipEvents(0)).noneMatch(event -> ids.contains(event.getEventId()));
    }

    private static long instruments(final EventGenerator load) {
        return IntStream.range(0, load.partnerships()).boxed()
                .flatMap(partnership -> load.partnershipEvents(partnership).stream())
                .map(event -> event.getActor() + ":" + event.getCounterpart() + "|" + event.getInstrument() + "|"
                        + event.getInstrumentKey())
                .distinct().count();
    }

    /** Events published after an event dated later than them. */
    private static long lateArrivals(final List<PolicyEvent> published) {
        final List<PolicyEvent> seen = new ArrayList<>();
        final Set<String> late = new HashSet<>();
        for (final PolicyEvent event : published) {
            if (seen.stream().anyMatch(earlier -> earlier.getEventDate().getDate().isAfter(event.getEventDate().getDate()))) {
                late.add(event.getEventId());
            }
            seen.add(event);
        }
        return late.size();
    }
}
