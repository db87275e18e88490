package eu.partnershiptracker.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.partnershiptracker.model.PolicyEvent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
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

    @Test
    void framesSpecificRecordsByteForByteAsAFreshWriterAndUnbufferedEncoderDid() throws Exception {
        final PolicyEvent signed = SamplePolicyEvents.sdpSigned();
        final PolicyEvent corrected = SamplePolicyEvents.correctionOf(signed);

        // Twice each, so that the second write goes through the cached writer and the reused buffer and encoder.
        for (final PolicyEvent event : List.of(signed, corrected, signed, corrected)) {
            assertThat(WireFormat.write(42, PolicyEvent.getClassSchema(), event))
                    .containsExactly(framedTheFirstWay(42, event));
        }
    }

    @Test
    void aWriteThatFailsHalfWayLeavesNothingForTheNextRecord() throws Exception {
        final PolicyEvent signed = SamplePolicyEvents.sdpSigned();
        // The event id is written before the missing counterpart is found.
        final PolicyEvent broken = PolicyEvent.newBuilder(signed).build();
        broken.setCounterpart(null);

        assertThatThrownBy(() -> WireFormat.write(3, PolicyEvent.getClassSchema(), broken))
                .isInstanceOf(RuntimeException.class);
        assertThat(WireFormat.write(3, PolicyEvent.getClassSchema(), signed))
                .containsExactly(framedTheFirstWay(3, signed));
    }

    @Test
    void aRecordLargerThanTheEncoderBufferAndTheKeptArrayIsFramedWholeAndTheNextOneAlone() throws Exception {
        final String large = "x".repeat(GrowableOutput.RETAINED_CAPACITY + 10);

        final byte[] framed = WireFormat.write(7, STRING, large);
        final byte[] next = WireFormat.write(7, STRING, "hi");

        assertThat(WireFormat.read(framed, new GenericDatumReader<>(STRING, STRING, GenericData.get())))
                .hasToString(large);
        assertThat(next).containsExactly(0, 0, 0, 0, 7, 4, 'h', 'i');
    }

    @Test
    void threadsSharingTheFormatEachGetTheirOwnRecordsBytes() throws Exception {
        final PolicyEvent signed = SamplePolicyEvents.sdpSigned();
        final List<PolicyEvent> events = IntStream.range(0, 200)
                .mapToObj(i -> PolicyEvent.newBuilder(signed).setEventId("event-" + i).build())
                .toList();
        final ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            final List<Callable<byte[]>> writes = events.stream()
                    .<Callable<byte[]>>map(event -> () -> WireFormat.write(9, PolicyEvent.getClassSchema(), event))
                    .toList();
            final List<Future<byte[]>> framed = threads.invokeAll(writes);
            for (int i = 0; i < events.size(); i++) {
                assertThat(framed.get(i).get()).containsExactly(framedTheFirstWay(9, events.get(i)));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void decodesThroughTheReusedDecoderRecordAfterRecord() throws Exception {
        final PolicyEvent signed = SamplePolicyEvents.sdpSigned();
        final PolicyEvent corrected = SamplePolicyEvents.correctionOf(signed);
        final SpecificDatumReader<Object> reader =
                new SpecificDatumReader<>(PolicyEvent.getClassSchema(), PolicyEvent.getClassSchema());

        assertThat(WireFormat.read(framedTheFirstWay(1, signed), reader)).isEqualTo(signed);
        assertThat(WireFormat.read(framedTheFirstWay(1, corrected), reader)).isEqualTo(corrected);
    }

    @Test
    void theGrowableOutputLetsAnOversizedArrayGoOnReset() {
        final GrowableOutput out = new GrowableOutput();
        out.write(new byte[GrowableOutput.RETAINED_CAPACITY + 1], 0, GrowableOutput.RETAINED_CAPACITY + 1);
        out.reset();
        out.write(1);

        assertThat(out.capacity()).isLessThanOrEqualTo(GrowableOutput.RETAINED_CAPACITY);
        assertThat(out.takeBytes()).containsExactly(1);
    }

    /** The bytes as the format wrote them first: a new writer per record and an unbuffered encoder, copied thrice. */
    private static byte[] framedTheFirstWay(final int schemaId, final PolicyEvent event) throws Exception {
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(body, null);
        new SpecificDatumWriter<>(PolicyEvent.getClassSchema(), SpecificData.getForClass(PolicyEvent.class))
                .write(event, encoder);
        encoder.flush();
        final ByteArrayOutputStream framed = new ByteArrayOutputStream();
        framed.write(0);
        framed.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(schemaId).array());
        framed.writeBytes(body.toByteArray());
        return framed.toByteArray();
    }
}
