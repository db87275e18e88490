package eu.partnershiptracker.benchmark.lookup;

import eu.partnershiptracker.query.LocalStore;
import eu.partnershiptracker.query.TimelineQueries;
import java.util.Objects;
import org.apache.kafka.streams.KafkaStreams;

/** The query code over a running tracker application, wired as the HTTP API wires it: the one place that knows how. */
public final class TrackerQueries {

    private TrackerQueries() {
    }

    public static TimelineQueries of(final KafkaStreams streams) {
        Objects.requireNonNull(streams, "streams");
        return new TimelineQueries(new LocalStore(streams)::timelines);
    }
}
