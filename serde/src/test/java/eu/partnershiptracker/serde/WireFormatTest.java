package eu.partnershiptracker.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    private static final Schema STRING = Schema.create(Schema.Type.STRING);

    @Test
    void framesWithMagicByteAndBigEndianIdBeforeTheAvroBinary() {
        final byte[] framed = WireFormat.write(0x01020304, STRING, "hi");

        // Avro writes a string as its zig-zag length (2 -> 4) and then the UTF-8 bytes.
        assertThat(framed).containsExactly(0, 1, 2, 3, 4, 4, 'h', 'i');
        assertThat(WireFormat.schemaId(framed)).isEqualTo(0x01020304);
    }

    @Test
    void readsBackWhatItWrote() throws Exception {
        final byte[] framed = WireFormat.write(7, STRING, "hi");

        assertThat(WireFormat.read(framed, new GenericDatumReader<>(STRING, STRING, GenericData.get())))
                .hasToString("hi");
    }

    @Test
    void rejectsAPayloadShorterThanTheHeader() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("payload of 3 bytes is too short");
    }

    @Test
    void rejectsAnUnknownMagicByteAndShowsIt() {
        assertThatThrownBy(() -> WireFormat.schemaId("{\"json\": true}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown magic byte 0x7b");
    }

    @Test
    void rejectsTrailingBytesAfterTheDatum() {
        final byte[] framed = WireFormat.write(7, STRING, "hi");
        final byte[] longer = Arrays.copyOf(framed, framed.length + 1);

        assertThatThrownBy(() -> WireFormat.read(longer, new GenericDatumReader<>(STRING, STRING, GenericData.get())))
                .hasMessageContaining("trailing bytes");
    }
}
