package eu.partnershiptracker.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;

/**
 * The demo's data directory. A marker file makes it recognisable, so that {@code --fresh} only ever deletes a
 * directory the demo created, never a path typed by mistake.
 */
final class DataDirectory {

    static final String MARKER = ".partnership-tracker-demo";

    private DataDirectory() {
    }

    /** Creates the directory (after deleting it, with {@code fresh}) and returns its absolute path. */
    static Path prepare(final Path directory, final boolean fresh) {
        final Path absolute = directory.toAbsolutePath().normalize();
        try {
            if (fresh && Files.exists(absolute)) {
                deleteDemoDirectory(absolute);
            }
            if (Files.isDirectory(absolute) && !Files.exists(absolute.resolve(MARKER)) && !isEmpty(absolute)) {
                throw new IllegalArgumentException(absolute + " is not empty and was not created by the demo; "
                        + "choose another --data-dir");
            }
            Files.createDirectories(absolute);
            if (!Files.exists(absolute.resolve(MARKER))) {
                Files.writeString(absolute.resolve(MARKER), "Data of `tracker demo`; `tracker demo --fresh` deletes "
                        + "this directory.\n");
            }
            return absolute;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot prepare the data directory " + absolute, e);
        }
    }

    private static void deleteDemoDirectory(final Path directory) throws IOException {
        if (!Files.exists(directory.resolve(MARKER))) {
            throw new IllegalArgumentException("--fresh would delete " + directory + ", which was not created by the "
                    + "demo (no " + MARKER + " file in it); delete it yourself or choose another --data-dir");
        }
        PathUtils.deleteDirectory(directory);
    }

    private static boolean isEmpty(final Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }
}
