package eu.partnershiptracker.benchmark.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's one-minute load average from /proc/loadavg: the background load a phase ran under. */
public final class LoadAverage {

    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private LoadAverage() {
    }

    /** The one-minute load average, or -1 where /proc/loadavg does not exist (not Linux). */
    public static double oneMinute() {
        if (!Files.isReadable(LOADAVG)) {
            return -1;
        }
        try {
            return Double.parseDouble(Files.readString(LOADAVG).trim().split("\\s+")[0]);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + LOADAVG, e);
        }
    }
}
