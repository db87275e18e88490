package eu.partnershiptracker.benchmark.writes;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an application writes per input event, topic by topic: records per event and the mean serialised size of a
 * record (key and value). Measured on the tracker's run, it is what the pass-through topology is told to write, so
 * that the two do the same producer work.
 */
public record OutputProfile(long inputEvents, List<TopicOutput> topics) {

    /** One output topic: how many records per input event, of how many bytes each. */
    public record TopicOutput(String topic, long records, long bytes, double recordsPerEvent, double bytesPerRecord) {
    }

    public OutputProfile {
        if (inputEvents <= 0) {
            throw new IllegalArgumentException("inputEvents must be positive: " + inputEvents);
        }
        topics = List.copyOf(Objects.requireNonNull(topics, "topics"));
    }

    /** From the writes counted over a run that processed {@code inputEvents} events; topics in name order. */
    public static OutputProfile of(final long inputEvents, final Map<String, TopicWrites.Written> writes) {
        Objects.requireNonNull(writes, "writes");
        return new OutputProfile(inputEvents, new TreeMap<>(writes).entrySet().stream()
                .map(topic -> new TopicOutput(topic.getKey(), topic.getValue().records(), topic.getValue().bytes(),
                        (double) topic.getValue().records() / inputEvents,
                        (double) topic.getValue().bytes() / topic.getValue().records()))
                .toList());
    }

    /** Uncompressed key and value bytes written per input event, all topics together (changelogs included). */
    public double bytesPerEvent() {
        return topics.stream().mapToLong(TopicOutput::bytes).sum() / (double) inputEvents;
    }

    /** Records written per input event, all topics together. */
    public double recordsPerEvent() {
        return topics.stream().mapToLong(TopicOutput::records).sum() / (double) inputEvents;
    }
}
