package eu.partnershiptracker.benchmark.lookup;

import eu.partnershiptracker.model.Actor;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Times as-of lookups of random partnerships at random dates between 1990 and 2040 (the load's events span 1992 to
 * the 2030s, so some dates fall before a partnership's first event and find nothing, as real queries do). The keys are
 * those in the store, so that every lookup reads a timeline. A warm-up of a tenth as many lookups runs first so that
 * the JIT has compiled the path; one thread, one lookup at a time.
 */
public final class LatencyRun {

    private static final LocalDate FIRST = LocalDate.of(1990, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(2040, 1, 1).toEpochDay() - FIRST.toEpochDay());

    private final List<String> keys;
    private final long seed;

    /** @param keys partnership keys, "ACTOR:COUNTERPART", to pick from */
    public LatencyRun(final List<String> keys, final long seed) {
        this.keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
        if (this.keys.isEmpty()) {
            throw new IllegalArgumentException("no partnerships to look up");
        }
        this.seed = seed;
    }

    public Latencies measure(final LookupTarget target, final int lookups) {
        Objects.requireNonNull(target, "target");
        final int warmUp = Math.max(1, lookups / 10);
        run(target, warmUp, new SplittableRandom(seed - 1), new long[warmUp]);
        final long[] nanos = new long[lookups];
        final int found = run(target, lookups, new SplittableRandom(seed), nanos);
        return Latencies.of(target.name(), nanos, found);
    }

    private int run(final LookupTarget target, final int lookups, final SplittableRandom random, final long[] nanos) {
        int found = 0;
        for (int lookup = 0; lookup < lookups; lookup++) {
            final String key = keys.get(random.nextInt(keys.size()));
            final int colon = key.indexOf(':');
            final Actor actor = Actor.valueOf(key.substring(0, colon));
            final String counterpart = key.substring(colon + 1);
            final LocalDate asOf = FIRST.plusDays(random.nextInt(DAYS));
            final long started = System.nanoTime();
            final boolean hit = target.lookup(actor, counterpart, asOf);
            nanos[lookup] = System.nanoTime() - started;
            found += hit ? 1 : 0;
        }
        return found;
    }
}
