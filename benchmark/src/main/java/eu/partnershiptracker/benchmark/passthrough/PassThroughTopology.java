package eu.partnershiptracker.benchmark.passthrough;

import eu.partnershiptracker.benchmark.writes.OutputProfile;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The yardstick for the tracker: a topology that reads the same events and, without decoding them or keeping any
 * state, writes what the tracker writes per event (the same number of records of the same sizes, to one topic for each
 * of the tracker's), so that under the same Streams configuration the difference is the tracker's own work.
 */
public final class PassThroughTopology {

    private static final String SOURCE = "events";
    private static final String PROCESSOR = "pass-through";

    private PassThroughTopology() {
    }

    /**
     * @param outputs one topic per topic of {@code profile}, in the same order
     */
    public static Topology build(final String events, final OutputProfile profile, final List<String> outputs) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(outputs, "outputs");
        if (outputs.size() != profile.topics().size()) {
            throw new IllegalArgumentException("one output topic per profiled topic: " + outputs.size() + " for "
                    + profile.topics().size());
        }
        final Topology topology = new Topology();
        topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), events);
        topology.addProcessor(PROCESSOR, () -> new Copier(profile), SOURCE);
        for (int output = 0; output < outputs.size(); output++) {
            topology.addSink(sink(output), outputs.get(output), new ByteArraySerializer(), new ByteArraySerializer(),
                    PROCESSOR);
        }
        return topology;
    }

    private static String sink(final int output) {
        return "out-" + output;
    }

    /**
     * Writes each topic's records per event as a running balance (1.4 per event: 1, 2, 1, 2, 1...). A value is the
     * input value repeated to the profiled size less the key, so that compression, when configured, sees bytes like the
     * tracker's Avro rather than zeros.
     */
    private static final class Copier implements Processor<byte[], byte[], byte[], byte[]> {

        private final OutputProfile profile;
        private final double[] owed;
        /** The sink names, built once rather than per record forwarded. */
        private final String[] sinks;
        private ProcessorContext<byte[], byte[]> context;

        Copier(final OutputProfile profile) {
            this.profile = profile;
            this.owed = new double[profile.topics().size()];
            this.sinks = new String[owed.length];
            for (int output = 0; output < sinks.length; output++) {
                sinks[output] = sink(output);
            }
        }

        @Override
        public void init(final ProcessorContext<byte[], byte[]> processorContext) {
            this.context = processorContext;
        }

        @Override
        public void process(final Record<byte[], byte[]> record) {
            final int keyBytes = record.key() == null ? 0 : record.key().length;
            for (int output = 0; output < owed.length; output++) {
                final OutputProfile.TopicOutput topic = profile.topics().get(output);
                owed[output] += topic.recordsPerEvent();
                if (owed[output] < 1) {
                    continue;
                }
                // One value per topic and event: the records forwarded are immutable and serialised as they go.
                final int valueBytes = (int) Math.max(0, Math.round(topic.bytesPerRecord()) - keyBytes);
                final Record<byte[], byte[]> copy = record.withValue(filled(record.value(), valueBytes));
                for (; owed[output] >= 1; owed[output]--) {
                    context.forward(copy, sinks[output]);
                }
            }
        }

        private static byte[] filled(final byte[] input, final int size) {
            final byte[] value = new byte[size];
            if (input != null && input.length > 0) {
                for (int at = 0; at < size; at += input.length) {
                    System.arraycopy(input, 0, value, at, Math.min(input.length, size - at));
                }
            }
            return value;
        }
    }
}
