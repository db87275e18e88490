package eu.partnershiptracker.embedded;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds programs the way a shell does, on the PATH. Child processes check their executable up front with it, because
 * behind the wrapper shell a missing program would only show up as exit code 127 and a terse line in the log; tests
 * find the system's browser with it.
 */
public final class Executables {

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
        if (onPath(program, searchPath).isEmpty()) {
            throw new ChildProcessException("cannot start " + processName + ": executable '" + program
                    + "' not found on PATH=" + searchPath);
        }
    }

    /**
     * A program installed on this machine: the one the environment variable names, when it is set, else the first of
     * {@code names} found on this process's PATH.
     */
    public static Optional<Path> find(final String environmentVariable, final String... names) {
        final String chosen = System.getenv(environmentVariable);
        if (chosen != null && !chosen.isBlank()) {
            final Path file = Path.of(chosen);
            return isExecutableFile(file) ? Optional.of(file) : Optional.empty();
        }
        return Arrays.stream(names).map(name -> onPath(name, System.getenv("PATH"))).flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<Path> onPath(final String program, final String searchPath) {
        final String path = searchPath == null ? "" : searchPath;
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, program))
                .filter(Executables::isExecutableFile)
                .findFirst();
    }

    private static boolean isExecutableFile(final Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
