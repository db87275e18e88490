package eu.partnershiptracker.benchmark.postgres;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.commons.io.FileUtils;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway PostgreSQL cluster for the benchmark: made with {@code initdb} in a fresh directory under the work
 * directory, started with {@code pg_ctl} on a free port of 127.0.0.1 only and a private unix socket directory, and
 * stopped with {@code pg_ctl stop -m fast} on {@link #close()}, or by a shutdown hook when the JVM ends first (Ctrl-C).
 * After the stop its data directory is deleted; its logs stay in the work directory.
 *
 * <p>initdb refuses to run as root, so when this JVM runs as root (uid 0) initdb, pg_ctl and with them the server run
 * as the unprivileged user {@code nobody} through util-linux {@code runuser -u nobody --}, and the cluster's directory
 * is owned by {@code nobody}. That user must be able to reach it; when it cannot enter the work directory (a private
 * temporary directory, say), the cluster goes to a directory under {@code java.io.tmpdir} instead.
 *
 * <p>The superuser {@code postgres} gets a random password, and TCP connections need it (scram-sha-256).
 */
public final class PostgresCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresCluster.class);
    private static final String SUPERUSER = "postgres";
    private static final String UNPRIVILEGED_USER = "nobody";
    private static final String HOST = "127.0.0.1";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    /** pg_ctl's own wait for start and stop, in seconds; within {@link #COMMAND_TIMEOUT}. */
    private static final String PG_CTL_WAIT_SECONDS = "90";
    private static final int LOG_LINES = 20;

    private final PostgresBinaries binaries;
    private final Path directory;
    private final Path dataDirectory;
    private final int port;
    private final String password;
    private final boolean asUnprivilegedUser;
    private final Thread shutdownHook;
    private boolean stopped;

    private PostgresCluster(final PostgresBinaries binaries, final Path directory, final int port,
                            final String password, final boolean asUnprivilegedUser) {
        this.binaries = binaries;
        this.directory = directory;
        this.dataDirectory = directory.resolve("data");
        this.port = port;
        this.password = password;
        this.asUnprivilegedUser = asUnprivilegedUser;
        this.shutdownHook = new Thread(this::stopOnShutdown, "postgres-cluster-stop");
    }

    /**
     * Makes and starts a cluster in a new directory under {@code workDirectory}.
     *
     * @throws IllegalStateException if initdb or the start fails; the message names the program and quotes its log
     */
    public static PostgresCluster start(final PostgresBinaries binaries, final Path workDirectory) {
        Objects.requireNonNull(binaries, "binaries");
        Objects.requireNonNull(workDirectory, "workDirectory");
        final boolean asRoot = new UnixSystem().getUid() == 0;
        final PostgresCluster cluster = new PostgresCluster(binaries, clusterDirectory(workDirectory, asRoot),
                freePort(), randomPassword(), asRoot);
        cluster.initialise();
        cluster.startServer();
        return cluster;
    }

    /** Connections as the superuser over TCP to the database {@code postgres}. */
    public DataSource dataSource() {
        final PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {HOST});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName("postgres");
        dataSource.setUser(SUPERUSER);
        dataSource.setPassword(password);
        return dataSource;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Stops the server (fast mode: open sessions are ended) and deletes the data directory. Safe to call more than
     * once.
     *
     * @throws IllegalStateException if pg_ctl cannot stop it; the message quotes the server's log
     */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopServer();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (final IllegalStateException shuttingDown) {
            // The hook is running or about to; it finds the cluster stopped.
        }
        try {
            FileUtils.deleteDirectory(dataDirectory.toFile());
            FileUtils.deleteDirectory(socketDirectory().toFile());
        } catch (final IOException e) {
            LOG.warn("PostgreSQL stopped, but its directory {} could not be deleted: {}", directory, e.toString());
        }
    }

    private void initialise() {
        final Path passwordFile = directory.resolve("superuser-password");
        try {
            Files.createDirectory(socketDirectory(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            handToUnprivilegedUser(socketDirectory());
            handToUnprivilegedUser(passwordFile);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot prepare the PostgreSQL cluster directory " + directory, e);
        }
        try {
            run(binaries.initdb(), List.of("-D", dataDirectory.toString(), "-U", SUPERUSER,
                    "--pwfile=" + passwordFile, "--auth-local=peer", "--auth-host=scram-sha-256",
                    "--encoding=UTF8", "--locale=C", "--no-sync"), directory.resolve("initdb.log"), null);
        } finally {
            deleteQuietly(passwordFile);
        }
        appendSettings();
    }

    /**
     * Settings for a benchmark, not for data that must survive: fsync, synchronous_commit and full_page_writes are off
     * (as is initdb's own sync above), so a crash of the machine could lose the cluster, which is thrown away anyway.
     * They speed up the load; the timed queries only read.
     */
    private void appendSettings() {
        final String settings = String.join("\n",
                "",
                "# Set by the partnership tracker's benchmark: a throwaway cluster reachable only from this machine.",
                "listen_addresses = '" + HOST + "'",
                "port = " + port,
                "unix_socket_directories = '" + socketDirectory().toString().replace("'", "''") + "'",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
                "");
        final Path configuration = dataDirectory.resolve("postgresql.conf");
        try {
            Files.writeString(configuration, settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write the PostgreSQL settings to " + configuration, e);
        }
    }

    private void startServer() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            run(binaries.pgCtl(), List.of("-D", dataDirectory.toString(), "-l", serverLog().toString(), "-w",
                    "-t", PG_CTL_WAIT_SECONDS, "start"), directory.resolve("pg_ctl.log"), serverLog());
        } catch (final RuntimeException e) {
            try {
                close();
            } catch (final RuntimeException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
        LOG.info("PostgreSQL started on {}:{}, data in {}{}", HOST, port, dataDirectory,
                asUnprivilegedUser ? " (as user " + UNPRIVILEGED_USER + ")" : "");
    }

    private synchronized void stopServer() {
        if (stopped) {
            return;
        }
        // A cluster whose start failed may have no server: pg_ctl then finds no postmaster.pid and there is nothing
        // to stop.
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            run(binaries.pgCtl(), List.of("-D", dataDirectory.toString(), "-m", "fast", "-w", "-t",
                    PG_CTL_WAIT_SECONDS, "stop"), directory.resolve("pg_ctl.log"), serverLog());
        }
        stopped = true;
    }

    private void stopOnShutdown() {
        try {
            stopServer();
        } catch (final RuntimeException e) {
            // No logging framework is reliable in a shutdown hook.
            System.err.println("could not stop PostgreSQL in " + dataDirectory + ": " + e.getMessage());
        }
    }

    /**
     * Runs a PostgreSQL program to its end, as the unprivileged user when this JVM is root, with its output appended
     * to {@code log}.
     *
     * @param serverLog the server's log, quoted too when the program fails; null if there is none yet
     */
    private void run(final Path program, final List<String> arguments, final Path log, final Path serverLog) {
        final List<String> command = new ArrayList<>();
        if (asUnprivilegedUser) {
            command.addAll(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
        }
        command.add(program.toString());
        command.addAll(arguments);
        final int exit = exitCode(command, log);
        if (exit != 0) {
            final StringBuilder message = new StringBuilder(program + " exited with code " + exit + " (command: "
                    + String.join(" ", command) + "); last lines of " + log + ":\n" + lastLines(log));
            if (serverLog != null && Files.exists(serverLog)) {
                message.append("\nlast lines of ").append(serverLog).append(":\n").append(lastLines(serverLog));
            }
            throw new IllegalStateException(message.toString());
        }
    }

    private static int exitCode(final List<String> command, final Path log) {
        final ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        // English messages whatever the machine's locale, so that the quoted logs read the same everywhere.
        builder.environment().put("LC_ALL", "C");
        final Process process;
        try {
            process = builder.start();
        } catch (final IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        try {
            if (!process.waitFor(COMMAND_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                        + COMMAND_TIMEOUT + "; last lines of " + log + ":\n" + lastLines(log));
            }
            return process.exitValue();
        } catch (final InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private Path socketDirectory() {
        return directory.resolve("socket");
    }

    private Path serverLog() {
        return directory.resolve("postgres.log");
    }

    private void handToUnprivilegedUser(final Path path) throws IOException {
        if (asUnprivilegedUser) {
            Files.setOwner(path, unprivilegedUser());
        }
    }

    private static UserPrincipal unprivilegedUser() throws IOException {
        return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(UNPRIVILEGED_USER);
    }

    /**
     * A new directory for the cluster under {@code workDirectory}, or under {@code java.io.tmpdir} when the process
     * runs as root and the unprivileged user cannot write into the one under the work directory.
     */
    private static Path clusterDirectory(final Path workDirectory, final boolean asRoot) {
        try {
            Files.createDirectories(workDirectory);
            final Path underWork = Files.createTempDirectory(workDirectory.toAbsolutePath(), "postgres-");
            if (!asRoot) {
                return underWork;
            }
            Files.setOwner(underWork, unprivilegedUser());
            if (exitCode(List.of("runuser", "-u", UNPRIVILEGED_USER, "--", "test", "-w", underWork.toString()),
                    Path.of("/dev/null")) == 0) {
                return underWork;
            }
            Files.delete(underWork);
            final Path underTmp = Files.createTempDirectory("postgres-");
            Files.setOwner(underTmp, unprivilegedUser());
            LOG.warn("user {} cannot reach {}: the PostgreSQL cluster goes to {} instead", UNPRIVILEGED_USER,
                    workDirectory, underTmp);
            return underTmp;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot make a directory for the PostgreSQL cluster under " + workDirectory,
                    e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + HOST, e);
        }
    }

    private static String randomPassword() {
        final byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The end of a log, for error messages; a log that cannot be read says so instead. */
    private static String lastLines(final Path log) {
        try {
            final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size()));
        } catch (final IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static void deleteQuietly(final Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (final IOException e) {
            LOG.warn("cannot delete {}: {}", file, e.toString());
        }
    }
}
