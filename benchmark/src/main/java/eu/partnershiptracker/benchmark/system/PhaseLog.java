package eu.partnershiptracker.benchmark.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the phases of a benchmark one after the other and records each one's time and load average. */
public final class PhaseLog {

    private static final Logger LOG = LoggerFactory.getLogger(PhaseLog.class);

    private final List<Phase> phases = new ArrayList<>();

    public <T> T run(final String name, final Supplier<T> phase) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phase, "phase");
        final double loadAtStart = LoadAverage.oneMinute();
        LOG.info("phase {}: {} (load average {})", phases.size() + 1, name, loadAtStart);
        final long started = System.nanoTime();
        final T result = phase.get();
        phases.add(new Phase(phases.size() + 1, name, (System.nanoTime() - started) / 1e9, loadAtStart,
                LoadAverage.oneMinute()));
        return result;
    }

    public List<Phase> phases() {
        return List.copyOf(phases);
    }
}
