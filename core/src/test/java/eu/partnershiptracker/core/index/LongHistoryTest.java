package eu.partnershiptracker.core.index;

import static eu.partnershiptracker.core.testing.TestEvents.corrects;
import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.core.testing.TestEvents.retracts;
import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.core.changes.IncrementalChangeFeed;
import eu.partnershiptracker.core.fold.PartnershipFold;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.model.PartnershipState;
import eu.partnershiptracker.model.PolicyEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * One partnership of 10,000 events (dialogue rounds, a few instruments with conflicting claims, corrections,
 * retractions, late dates): every change record stays a few KB however long the history, where today's images grew
 * with it, and the index still answers as the fold at the end.
 */
class LongHistoryTest {

    private static final int EVENTS = 10_000;
    private static final int CHANGE_LIMIT = 4 * 1024;
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static final List<InstrumentType> LIFECYCLES = List.of(InstrumentType.FPA, InstrumentType.SDP,
            InstrumentType.SECURITY_OF_INFORMATION_AGREEMENT, InstrumentType.ADMINISTRATIVE_ARRANGEMENT);

    @Test
    void changesStaySmallAtTenThousandEvents() {
        final Map<String, TimelineEntry> store = new HashMap<>();
        final EntryLookup lookup = id -> Optional.ofNullable(store.get(id));
        PartnershipIndex index = PartnershipIndex.EMPTY;
        int largest = 0;
        int changes = 0;
        for (int i = 0; i < EVENTS; i++) {
            final TimelineEntry entry = new TimelineEntry(eventNumber(i).build(), T0.plusSeconds(i), 0, i);
            store.put(entry.eventId(), entry);
            final IncrementalChangeFeed.Outcome outcome =
                    IncrementalChangeFeed.accept("EU:JP", index, entry, lookup, "policy-events");
            index = outcome.index();
            if (outcome.change().isPresent()) {
                changes++;
                final int size = serialised(outcome.change().get()).length;
                assertThat(size).as("change for event " + i).isLessThan(CHANGE_LIMIT);
                largest = Math.max(largest, size);
                assertThat(outcome.delta().instruments()).as("instruments changed by event " + i).hasSizeLessThan(3);
            }
        }
        assertThat(changes).isEqualTo(EVENTS);
        assertThat(largest).isPositive();

        final Timeline timeline = new Timeline(index.changeCount(), new ArrayList<>(store.values()));
        for (final LocalDate date : new LocalDate[] {null, LocalDate.of(2040, 6, 1), LocalDate.of(2200, 1, 1)}) {
            final PartnershipState expected = PartnershipFold.stateAsOf(timeline, date);
            assertThat(index.summaryAsOf(date)).as("as of " + date)
                    .isEqualTo(PartnershipState.newBuilder(expected).setEvents(List.of()).build());
        }
    }

    /**
     * Event i: every 97th corrects the round 50 events back, every 301st retracts one, every 10th claims a lifecycle
     * step with a date the earlier claims disagree with, the rest are dialogue rounds a few days apart, one in 7 dated a
     * year early.
     */
    private static PolicyEvent.Builder eventNumber(final int i) {
        final LocalDate day = LocalDate.of(2000, 1, 1).plusDays(3L * i - (i % 7 == 0 ? 365 : 0));
        final String id = "e" + i;
        if (i > 100 && i % 97 == 0) {
            return round(id, i - 50, day).setCorrection(corrects("e" + (i - 50)));
        }
        if (i > 100 && i % 301 == 0) {
            return round(id, i - 60, day).setCorrection(retracts("e" + (i - 60)));
        }
        if (i % 10 == 0) {
            final InstrumentType type = LIFECYCLES.get(i / 10 % LIFECYCLES.size());
            return event(id, "EU:JP", type, EventKind.SIGNED, day.toString())
                    .setInstrumentKey("v" + i / 400).setTitle("Agreement " + i);
        }
        return round(id, i, day);
    }

    private static PolicyEvent.Builder round(final String id, final int round, final LocalDate day) {
        return event(id, "EU:JP", InstrumentType.SECURITY_DEFENCE_DIALOGUE, EventKind.HELD, day.toString())
                .setInstrumentKey("round-" + round).setTitle("Dialogue round " + round);
    }

    private static byte[] serialised(final PartnershipChange change) {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        try {
            new SpecificDatumWriter<>(PartnershipChange.class).write(change, encoder);
            encoder.flush();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
