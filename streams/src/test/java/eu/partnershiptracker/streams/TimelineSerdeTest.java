package eu.partnershiptracker.streams;

import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.core.testing.TestEvents.retracts;
import static eu.partnershiptracker.core.testing.TestEvents.timeline;
import static eu.partnershiptracker.model.EventKind.SIGNED;
import static eu.partnershiptracker.model.InstrumentType.FPA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.core.testing.Scenarios;
import eu.partnershiptracker.model.DateBounds;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.model.SchemaHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TimelineSerdeTest {

    private static final long V1_FINGERPRINT = SchemaHistory.fingerprint(PolicyEventsV1.SCHEMA);

    private final TimelineSerde serde = new TimelineSerde();

    @Test
    void aTimelineSurvivesTheRoundTrip() {
        final Timeline original = sample().withChangeCount(7);

        final byte[] bytes = serde.serializer().serialize("store", original);

        assertThat(serde.deserializer().deserialize("store", bytes)).isEqualTo(original);
        assertThat(serde.deserializer().deserialize("store", serde.serializer().serialize("store", Timeline.EMPTY)))
                .isEqualTo(Timeline.EMPTY);
        assertThat(serde.serializer().serialize("store", null)).isNull();
    }

    @Test
    void aTimelineWithWhatOnlyTheCurrentSchemaCanSaySurvivesTheRoundTrip() {
        final Timeline original = timeline(event("named", FPA, SIGNED, "2024-05").setEventDate(null)
                .setCounterpartName("Japan").setInstrumentName("EU-Japan Framework Participation Agreement"));

        assertThat(serde.deserializer().deserialize("store", serde.serializer().serialize("store", original)))
                .isEqualTo(original);
    }

    @Test
    void aStoreWrittenBeforeTheUpgradeStillReads() {
        final Timeline original = sample().withChangeCount(3);

        assertThat(serde.deserializer().deserialize("store", StoredTimelines.formatOne(original))).isEqualTo(original);
    }

    @Test
    void eventsWrittenWithTheV1SchemaReadIntoTheCurrentClass() {
        final Timeline original = sample().withChangeCount(5);

        final Timeline read = serde.deserializer()
                .deserialize("store", StoredTimelines.formatTwoWithV1Events(original, V1_FINGERPRINT));

        assertThat(read).isEqualTo(original);
        assertThat(read.entries()).extracting(TimelineEntry::event).allSatisfy(event -> {
            assertThat(event).isInstanceOf(PolicyEvent.class);
            assertThat(event.getCounterpartName()).isNull();
        });
    }

    @Test
    void anUnknownWriterSchemaFailsNamingItsFingerprint() {
        final byte[] bytes = StoredTimelines.formatTwoWithV1Events(sample(), 0x2aL);

        assertThatThrownBy(() -> serde.deserializer().deserialize("store", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown writer schema fingerprint 000000000000002a")
                .hasMessageContaining("eu.partnershiptracker.model.PolicyEvent");
    }

    @Test
    void unknownFormatsAndTruncatedBytesFailLoudly() {
        final byte[] bytes = serde.serializer().serialize("store", timeline(event("signed", FPA, SIGNED, "2024")));
        final byte[] otherFormat = bytes.clone();
        otherFormat[0] = 6;

        assertThatThrownBy(() -> serde.deserializer().deserialize("store", otherFormat))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown timeline format 3");
        assertThatThrownBy(() -> serde.deserializer().deserialize("store", Arrays.copyOf(bytes, 12)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("cannot decode a timeline of 12 bytes");
    }

    @Property(tries = 100)
    void everyTimelineReadsBackFromTheCurrentAndTheOldFormat(@ForAll("timelines") final Timeline original) {
        assertThat(serde.deserializer().deserialize("store", serde.serializer().serialize("store", original)))
                .isEqualTo(original);
        final Timeline expressibleInV1 = new Timeline(original.changeCount(), original.entries().stream()
                .map(entry -> new TimelineEntry(exactlyDated(entry.event()), entry.recordedAt(), entry.partition(),
                        entry.offset())).toList());
        assertThat(serde.deserializer().deserialize("store", StoredTimelines.formatOne(expressibleInV1)))
                .isEqualTo(expressibleInV1);
    }

    /** The old format held v1 events, which state only exact dates: a bounded date becomes one of its bounds. */
    private static PolicyEvent exactlyDated(final PolicyEvent event) {
        if (event.getEventDate() != null) {
            return event;
        }
        final DateBounds bounds = event.getDateBounds();
        return PolicyEvent.newBuilder(event).setDateBounds(null).setOrderBounds(null)
                .setEventDate(bounds.getNotBefore() != null ? bounds.getNotBefore() : bounds.getNotAfter()).build();
    }

    @Provide
    Arbitrary<Timeline> timelines() {
        return Scenarios.scenarios().map(scenario -> {
            final List<TimelineEntry> entries = new ArrayList<>();
            final List<PolicyEvent> arrivals = scenario.arrivals();
            for (int i = 0; i < arrivals.size(); i++) {
                entries.add(new TimelineEntry(arrivals.get(i), Instant.ofEpochMilli(1_700_000_000_000L + i), i % 3, i));
            }
            return new Timeline(arrivals.size(), entries);
        });
    }

    private static Timeline sample() {
        return timeline(
                event("signed", FPA, SIGNED, "2024-05").setInstrumentKey("k").setAreas(List.of("cyber", "space")),
                event("retracted", FPA, SIGNED, "2024").setCorrection(retracts("signed")));
    }
}
