package eu.partnershiptracker.embedded;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks up front that a command's executable exists, because behind the wrapper shell a missing program would only
 * show up as exit code 127 and a terse line in the log.
 */
final class Executables {

    private Executables() {
    }

    /** Resolves {@code program} like a shell would: a path if it has a slash, else a name searched on PATH. */
    static void requireExecutable(final String processName, final String program, final Path workingDirectory,
                                  final String searchPath) {
        if (program.contains("/")) {
            final Path file = workingDirectory.resolve(program);
            if (!isExecutableFile(file)) {
                throw new ChildProcessException("cannot start " + processName + ": " + file
                        + " does not exist or is not an executable file");
            }
            return;
        }
        final String path = searchPath == null ? "" : searchPath;
        for (final String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && isExecutableFile(Path.of(directory, program))) {
                return;
            }
        }
        throw new ChildProcessException("cannot start " + processName + ": executable '" + program
                + "' not found on PATH=" + path);
    }

    private static boolean isExecutableFile(final Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
