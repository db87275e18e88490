package eu.partnershiptracker.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.partnershiptracker.core.fold.InstrumentId;
import eu.partnershiptracker.core.fold.InstrumentVersions;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.core.testing.LongHistories;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.PolicyEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An index keeps one eventId instance per event, the accepted event's, however often a store decodes the event again
 * for a rebuild: a store that decodes on every get (as the streams store does) would otherwise leave the index one
 * more copy of each fact's id per rebuild of its instrument.
 */
class SharedEventIdsTest {

    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

    @Test
    void rebuiltInstrumentsKeepTheAcceptedEventIds() {
        final List<PolicyEvent> events = LongHistories.events("EU:JP", 1_000);
        final Map<String, ByteBuffer> store = new HashMap<>();
        final Map<String, String> acceptedIds = new HashMap<>();
        final EntryLookup decoding = id -> Optional.ofNullable(store.get(id))
                .map(bytes -> new TimelineEntry(decoded(bytes), T0, 0, 0));
        PartnershipIndex index = PartnershipIndex.EMPTY;
        for (int i = 0; i < events.size(); i++) {
            final ByteBuffer bytes = encoded(events.get(i));
            final PolicyEvent accepted = decoded(bytes);
            store.put(accepted.getEventId(), bytes);
            acceptedIds.put(accepted.getEventId(), accepted.getEventId());
            index = index.accept(new TimelineEntry(accepted, T0.plusSeconds(i), 0, i), decoding).index();
        }

        final List<InstrumentState> instruments = index.summaryAsOf(null).getInstruments();
        assertThat(instruments).hasSizeGreaterThan(1);
        for (final InstrumentState state : instruments) {
            final InstrumentVersions versions = index.instrument(InstrumentId.of(state));
            assertThat(versions.factIds()).as(versions.id() + " facts").isNotEmpty()
                    .allSatisfy(id -> assertThat(id).as(id).isSameAs(acceptedIds.get(id)));
        }
    }

    @Test
    void aStoreThatAnswersWithAnotherEventIsAnError() {
        final PolicyEvent event = LongHistories.events("EU:JP", 1).get(0);
        final EntryLookup wrong = id -> Optional.of(new TimelineEntry(event, T0, 0, 0));
        assertThatThrownBy(() -> new IdSharingLookup(wrong).find("e7"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("e7").hasMessageContaining(event.getEventId());
    }

    @Test
    void theStoresEntryIsLeftAsItWas() {
        final PolicyEvent event = LongHistories.events("EU:JP", 1).get(0);
        final TimelineEntry stored = new TimelineEntry(event, T0, 0, 0);
        final String asked = new String(event.getEventId());
        final TimelineEntry found = new IdSharingLookup(id -> Optional.of(stored)).get(asked);
        assertThat(found.eventId()).isSameAs(asked);
        assertThat(found.event()).isEqualTo(event);
        assertThat(event.getEventId()).isNotSameAs(asked);
    }

    private static ByteBuffer encoded(final PolicyEvent event) {
        try {
            return PolicyEvent.getEncoder().encode(event);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PolicyEvent decoded(final ByteBuffer bytes) {
        try {
            return PolicyEvent.getDecoder().decode(bytes.duplicate());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
