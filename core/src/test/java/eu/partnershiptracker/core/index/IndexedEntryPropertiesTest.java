package eu.partnershiptracker.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.core.fold.EventOrder;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.core.testing.Scenarios;
import eu.partnershiptracker.model.PolicyEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The keys an index keeps as primitives order entries exactly as {@link EventOrder} orders the entries themselves, and
 * give back the day and instant they were made from: open lower bounds ({@link LocalDate#MIN}), recorded instants
 * before 1970 and with nanos, ties on the second, the nano and the offset.
 */
class IndexedEntryPropertiesTest {

    /** Few seconds and nanos, so that ties are common; the seconds reach both sides of the epoch and Instant's ends. */
    private static final long[] SECONDS = {Instant.MIN.getEpochSecond(), -1, 0, 1, 1_740_787_200L,
        Instant.MAX.getEpochSecond()};
    private static final int[] NANOS = {0, 1, 999_999_999};

    @Property(tries = 200)
    void keptKeysOrderAsTheEntries(@ForAll("scenarios") final Scenarios.Scenario scenario, @ForAll final long seed) {
        final Random random = new Random(seed);
        final List<TimelineEntry> entries = new ArrayList<>();
        for (final PolicyEvent event : scenario.arrivals()) {
            final Instant recordedAt = Instant.ofEpochSecond(SECONDS[random.nextInt(SECONDS.length)],
                    NANOS[random.nextInt(NANOS.length)]);
            entries.add(new TimelineEntry(event, recordedAt, 0, random.nextInt(3)));
        }
        for (final TimelineEntry one : entries) {
            final IndexedEntry kept = IndexedEntry.of(one);
            assertThat(kept.earliestDay()).as(one.eventId()).isEqualTo(DateClaim.of(one.event()).earliestDay());
            assertThat(kept.recordedAt()).as(one.eventId()).isEqualTo(one.recordedAt());
            for (final TimelineEntry other : entries) {
                final String pair = one.eventId() + " vs " + other.eventId();
                assertThat(Integer.signum(IndexedEntry.VALID_TIME.compare(kept, IndexedEntry.of(other))))
                        .as("valid time, " + pair).isEqualTo(Integer.signum(EventOrder.ENTRIES.compare(one, other)));
                assertThat(Integer.signum(IndexedEntry.RECORDED.compare(kept, IndexedEntry.of(other))))
                        .as("recorded, " + pair).isEqualTo(Integer.signum(EventOrder.RECORDED.compare(one, other)));
            }
        }
    }

    @Provide
    Arbitrary<Scenarios.Scenario> scenarios() {
        return Scenarios.richScenarios(24);
    }
}
