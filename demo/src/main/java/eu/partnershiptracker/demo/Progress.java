package eu.partnershiptracker.demo;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/** Numbered start-up steps on the console: {@code [1/5] starting Kafka broker ... ok (4.2 s)}. */
final class Progress {

    private final PrintWriter out;
    private final int steps;
    private int step;

    Progress(final PrintWriter out, final int steps) {
        this.out = Objects.requireNonNull(out, "out");
        this.steps = steps;
    }

    /** Runs one step, printing its label before and the outcome (with {@code detail} of the result) after it. */
    <T> T run(final String label, final Supplier<T> work, final Function<T, String> detail) {
        step++;
        out.printf("[%d/%d] %s ... ", step, steps, label);
        out.flush();
        final long started = System.nanoTime();
        try {
            final T result = work.get();
            final String said = detail.apply(result);
            out.printf(Locale.ROOT, "ok (%.1f s)%s%n", (System.nanoTime() - started) / 1e9,
                    said.isEmpty() ? "" : ": " + said);
            out.flush();
            return result;
        } catch (final RuntimeException e) {
            out.println("FAILED");
            out.flush();
            throw e;
        }
    }

    /** A step that was not needed, e.g. the broker when an external one is used. */
    void skip(final String label, final String reason) {
        step++;
        out.printf("[%d/%d] %s ... skipped: %s%n", step, steps, label, reason);
        out.flush();
    }
}
