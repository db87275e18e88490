package eu.partnershiptracker.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the project's own files are, for tests that use the curated record, the seeds or the compose file. The root
 * comes from the system property {@code tracker.projectRoot} that the build passes to every module's tests.
 */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    public static Path root() {
        return Path.of(System.getProperty("tracker.projectRoot", "..")).toAbsolutePath().normalize();
    }

    /** The curated dataset: events, reference lists and the seed-stated figures. */
    public static Path data() {
        return root().resolve("data");
    }

    /** The curated event files. */
    public static Path events() {
        return data().resolve("events");
    }

    /**
     * The seed documents: {@code ../shared/seeds} beside the project (as in CI), or beside the directory that holds the
     * project (a git worktree). A missing seed directory fails the test: quotes that cannot be checked are not checked.
     */
    public static Path seeds() {
        final Path root = root();
        final List<Path> candidates = List.of(root.resolve("../shared/seeds").normalize(),
                root.resolve("../../shared/seeds").normalize());
        return candidates.stream().filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError(
                "no seed directory; looked at " + candidates));
    }
}
