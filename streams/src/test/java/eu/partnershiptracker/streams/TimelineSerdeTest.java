package eu.partnershiptracker.streams;

import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.core.testing.TestEvents.retracts;
import static eu.partnershiptracker.core.testing.TestEvents.timeline;
import static eu.partnershiptracker.model.EventKind.SIGNED;
import static eu.partnershiptracker.model.InstrumentType.FPA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.partnershiptracker.core.fold.Timeline;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TimelineSerdeTest {

    private final TimelineSerde serde = new TimelineSerde();

    @Test
    void aTimelineSurvivesTheRoundTrip() {
        final Timeline original = timeline(
                event("signed", FPA, SIGNED, "2024-05").setInstrumentKey("k").setAreas(List.of("cyber", "space")),
                event("retracted", FPA, SIGNED, "2024").setCorrection(retracts("signed"))).withChangeCount(7);

        final byte[] bytes = serde.serializer().serialize("store", original);

        assertThat(serde.deserializer().deserialize("store", bytes)).isEqualTo(original);
        assertThat(serde.deserializer().deserialize("store", serde.serializer().serialize("store", Timeline.EMPTY)))
                .isEqualTo(Timeline.EMPTY);
        assertThat(serde.serializer().serialize("store", null)).isNull();
    }

    @Test
    void unknownFormatsAndTruncatedBytesFailLoudly() {
        final byte[] bytes = serde.serializer().serialize("store", timeline(event("signed", FPA, SIGNED, "2024")));
        final byte[] otherFormat = bytes.clone();
        otherFormat[0] = 4;

        assertThatThrownBy(() -> serde.deserializer().deserialize("store", otherFormat))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown timeline format 2");
        assertThatThrownBy(() -> serde.deserializer().deserialize("store", Arrays.copyOf(bytes, 12)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("cannot decode a timeline of 12 bytes");
    }
}
