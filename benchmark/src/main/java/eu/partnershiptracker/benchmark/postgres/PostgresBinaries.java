package eu.partnershiptracker.benchmark.postgres;

import eu.partnershiptracker.embedded.Executables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where this machine's PostgreSQL server programs are: the directory holding {@code initdb} and {@code pg_ctl}. Debian
 * keeps them out of PATH, in {@code /usr/lib/postgresql/<major>/bin}, so that directory is the fallback after PATH.
 */
public record PostgresBinaries(Path initdb, Path pgCtl) {

    /** Debian's layout: one directory per installed major version. */
    private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");

    public PostgresBinaries {
        Objects.requireNonNull(initdb, "initdb");
        Objects.requireNonNull(pgCtl, "pgCtl");
    }

    /**
     * The programs of the installation found first: {@code POSTGRES_INITDB} when set, else {@code initdb} on PATH, else
     * the highest major version under {@code /usr/lib/postgresql}; {@code pg_ctl} is taken from beside {@code initdb}.
     */
    public static Optional<PostgresBinaries> find() {
        return Executables.find("POSTGRES_INITDB", "initdb").or(PostgresBinaries::newestDebianInitdb)
                .flatMap(initdb -> Optional.of(initdb.resolveSibling("pg_ctl")).filter(Files::isExecutable)
                        .map(pgCtl -> new PostgresBinaries(initdb, pgCtl)));
    }

    /** Like {@link #find()}, but a missing installation is an error that says where it was looked for. */
    public static PostgresBinaries require() {
        return find().orElseThrow(() -> new IllegalStateException("PostgreSQL's initdb and pg_ctl were not found: "
                + "not named by POSTGRES_INITDB, not on PATH, not in " + DEBIAN_VERSIONS + "/*/bin (install Debian's "
                + "postgresql package)"));
    }

    private static Optional<Path> newestDebianInitdb() {
        if (!Files.isDirectory(DEBIAN_VERSIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_VERSIONS)) {
            return versions.filter(version -> version.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())))
                    .map(version -> version.resolve("bin").resolve("initdb"))
                    .filter(Files::isExecutable);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot list " + DEBIAN_VERSIONS, e);
        }
    }
}
