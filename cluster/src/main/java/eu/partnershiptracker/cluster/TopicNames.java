package eu.partnershiptracker.cluster;

import java.util.List;
import java.util.Objects;

/**
 * The names of the tracker's topics: the events it reads, the changes and instrument states it writes, and the records
 * it could not use. The state topic ({@code partnership-state}, one whole state per partnership) is retired: the
 * tracker no longer writes or creates it, so it has no name here (README, "Topics").
 */
public record TopicNames(String events, String changes, String instruments, String deadLetter) {

    public static final String DEFAULT_EVENTS = "policy-events";
    public static final TopicNames DEFAULTS =
            new TopicNames(DEFAULT_EVENTS, "partnership-changes", "partnership-instruments", "policy-events-dlq");

    public TopicNames {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(instruments, "instruments");
        Objects.requireNonNull(deadLetter, "deadLetter");
    }

    public List<String> all() {
        return List.of(events, changes, instruments, deadLetter);
    }
}
