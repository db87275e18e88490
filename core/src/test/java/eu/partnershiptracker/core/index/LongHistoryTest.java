package eu.partnershiptracker.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.core.changes.IncrementalChangeFeed;
import eu.partnershiptracker.core.changes.PublishedInstrument;
import eu.partnershiptracker.core.fold.PartnershipFold;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.core.testing.LongHistories;
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
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * One partnership of 10,000 events ({@link LongHistories}): every change record stays a few KB however long the
 * history, where the whole-state images grew with it, so does every instruments-topic record, and the
 * index still answers as the fold at the end.
 */
class LongHistoryTest {

    private static final int EVENTS = 10_000;
    private static final int CHANGE_LIMIT = 4 * 1024;
    private static final int INSTRUMENT_LIMIT = 4 * 1024;
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

    @Test
    void changesStaySmallAtTenThousandEvents() {
        final List<PolicyEvent> events = LongHistories.events("EU:JP", EVENTS);
        final Map<String, TimelineEntry> store = new HashMap<>();
        final EntryLookup lookup = id -> Optional.ofNullable(store.get(id));
        PartnershipIndex index = PartnershipIndex.EMPTY;
        int changes = 0;
        for (int i = 0; i < EVENTS; i++) {
            final TimelineEntry entry = new TimelineEntry(events.get(i), T0.plusSeconds(i), 0, i);
            store.put(entry.eventId(), entry);
            final IncrementalChangeFeed.Outcome outcome =
                    IncrementalChangeFeed.accept("EU:JP", index, entry, lookup, "policy-events");
            index = outcome.index();
            if (outcome.change().isPresent()) {
                changes++;
                final int size = serialised(outcome.change().get()).length;
                assertThat(size).as("change for event " + i).isLessThan(CHANGE_LIMIT);
                assertThat(outcome.delta().instruments()).as("instruments changed by event " + i).hasSizeLessThan(3);
                // One record per changed instrument, bounded by that instrument's own claims, not by the events.
                assertThat(outcome.instruments()).as("instrument records for event " + i)
                        .hasSameSizeAs(outcome.delta().instruments());
                for (final PublishedInstrument record : outcome.instruments()) {
                    assertThat(record.value() == null ? 0 : serialised(record.value()).length)
                            .as("instrument record " + record.key() + " for event " + i).isLessThan(INSTRUMENT_LIMIT);
                }
            }
        }
        assertThat(changes).isEqualTo(EVENTS);

        final Timeline timeline = new Timeline(index.changeCount(), new ArrayList<>(store.values()));
        for (final LocalDate date : new LocalDate[] {null, LocalDate.of(2040, 6, 1), LocalDate.of(2200, 1, 1)}) {
            final PartnershipState expected = PartnershipFold.stateAsOf(timeline, date);
            assertThat(index.summaryAsOf(date)).as("as of " + date)
                    .isEqualTo(PartnershipState.newBuilder(expected).setEvents(List.of()).build());
        }
    }

    private static <T extends SpecificRecord> byte[] serialised(final T record) {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        try {
            new SpecificDatumWriter<T>(record.getSchema()).write(record, encoder);
            encoder.flush();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
