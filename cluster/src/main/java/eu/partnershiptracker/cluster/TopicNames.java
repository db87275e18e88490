package eu.partnershiptracker.cluster;

import java.util.List;
import java.util.Objects;

/**
 * The names of the tracker's topics: the events it reads, the changes and states it writes, and the records it could
 * not use.
 */
public record TopicNames(String events, String changes, String state, String deadLetter) {

    public static final String DEFAULT_EVENTS = "policy-events";
    public static final TopicNames DEFAULTS =
            new TopicNames(DEFAULT_EVENTS, "partnership-changes", "partnership-state", "policy-events-dlq");

    public TopicNames {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(deadLetter, "deadLetter");
    }

    public List<String> all() {
        return List.of(events, changes, state, deadLetter);
    }
}
