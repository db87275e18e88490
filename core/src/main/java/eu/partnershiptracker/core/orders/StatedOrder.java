package eu.partnershiptracker.core.orders;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A source's statement of the order of some steps, made without dates ("by date of signature: Norway, Moldova, ...").
 * The steps are event ids in groups: every step of a group comes after every step of the groups before it, and the
 * steps inside one group are in no stated order, so "the UK's is the most recent" is two groups, [all the others] and
 * [the UK's].
 */
public record StatedOrder(String id, String source, String quote, String locator, List<List<String>> groups) {

    /** One ordered pair of steps the order states: {@code before} happened no later than {@code after}. */
    public record Pair(String before, String after) {

        public Pair {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        public Pair reversed() {
            return new Pair(after, before);
        }
    }

    public StatedOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(quote, "quote");
        groups = Objects.requireNonNull(groups, "groups").stream().map(List::copyOf).toList();
        if (groups.size() < 2) {
            throw new IllegalArgumentException("order '" + id + "' needs at least two steps in sequence");
        }
        final Set<String> seen = new HashSet<>();
        for (final List<String> group : groups) {
            if (group.isEmpty()) {
                throw new IllegalArgumentException("order '" + id + "' has an empty group of steps");
            }
            group.stream().filter(step -> !seen.add(step)).findFirst().ifPresent(step -> {
                throw new IllegalArgumentException("order '" + id + "' names the step '" + step + "' twice");
            });
        }
    }

    /** Every step the order names. */
    public List<String> steps() {
        return groups.stream().flatMap(List::stream).toList();
    }

    public boolean names(final String eventId) {
        return groups.stream().anyMatch(group -> group.contains(eventId));
    }

    /** Every pair of steps in different groups, the earlier group's step first. */
    public List<Pair> pairs() {
        final List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                for (final String before : groups.get(i)) {
                    for (final String after : groups.get(j)) {
                        pairs.add(new Pair(before, after));
                    }
                }
            }
        }
        return pairs;
    }
}
