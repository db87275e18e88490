package eu.partnershiptracker.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A supervised child process (a Kafka broker JVM, Apicurio Registry, ...) whose stdout and stderr go to a log file,
 * which can be waited on for a log line, which stops gracefully and then forcibly, and which never outlives the JVM
 * that started it, not even when that JVM is killed with SIGKILL (see {@link ParentDeathWrapper}).
 * Linux and other POSIX systems only.
 */
public final class ChildProcess implements AutoCloseable {

    /** How often an awaited condition is checked again; waits end at once when the process exits. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final Duration HTTP_POLL = Duration.ofMillis(100);
    private static final Duration HTTP_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final String name;
    private final Path logFile;
    private final Duration stopTimeout;
    private final Process wrapper;
    private final long pid;
    private boolean closed;

    private ChildProcess(final String name, final Path logFile, final Duration stopTimeout, final Process wrapper,
                         final long pid) {
        this.name = name;
        this.logFile = logFile;
        this.stopTimeout = stopTimeout;
        this.wrapper = wrapper;
        this.pid = pid;
    }

    /**
     * Describes a child process to start.
     *
     * @param name    used in error messages
     * @param logFile receives the process's stdout and stderr; truncated at start
     * @param command the executable (a path, or a name looked up on PATH) and its arguments
     */
    public static Builder builder(final String name, final Path logFile, final List<String> command) {
        return new Builder(name, logFile, command);
    }

    public String name() {
        return name;
    }

    /**
     * The pid of the command itself, not of the shell that supervises it. Right after the start it may still show
     * the shell's fork that is about to exec the command.
     */
    public long pid() {
        return pid;
    }

    public Path logFile() {
        return logFile;
    }

    /** Whether the command still runs (its supervising shell ends right after it). */
    public boolean isAlive() {
        return wrapper.isAlive();
    }

    /**
     * Waits until the log holds a line in which {@code pattern} is found, and returns that match (for example to
     * read a port out of it). Lines logged before the call count too.
     *
     * @throws ChildProcessException if the process exits first or the timeout passes; the message quotes the log
     */
    public MatchResult awaitLogLine(final Pattern pattern, final Duration timeout) {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(timeout, "timeout");
        final LogTail tail = new LogTail(logFile);
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            // Exit status first, then the log: everything the process wrote before exiting is then in the file.
            final boolean exited = !wrapper.isAlive();
            for (final String line : tail.newLines(exited)) {
                final Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher.toMatchResult();
                }
            }
            if (exited) {
                throw new ChildProcessException(name + " exited with code " + wrapper.exitValue()
                        + " before logging a line matching /" + pattern + "/; last lines of " + logFile + ":"
                        + System.lineSeparator() + tail.lastLines());
            }
            final long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new ChildProcessException(name + " did not log a line matching /" + pattern + "/ within "
                        + timeout + "; last lines of " + logFile + ":" + System.lineSeparator() + tail.lastLines());
            }
            waitForExit(Math.min(remaining, POLL_NANOS));
        }
    }

    /**
     * Waits until an HTTP GET of {@code url} answers 200: the readiness contract of a child that serves HTTP, such as a
     * health endpoint.
     *
     * @throws ChildProcessException if the process exits first or the timeout passes; the message quotes the last
     *                               answer and the log
     */
    public void awaitHttpOk(final URI url, final Duration timeout) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        final long deadline = System.nanoTime() + timeout.toNanos();
        final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_REQUEST_TIMEOUT).build();
        final HttpRequest request = HttpRequest.newBuilder(url).timeout(HTTP_REQUEST_TIMEOUT).GET().build();
        String lastAnswer = "no answer yet";
        while (true) {
            try {
                final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                lastAnswer = "HTTP " + response.statusCode() + ": " + response.body();
            } catch (final IOException e) {
                lastAnswer = e.toString();
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChildProcessException("interrupted while waiting for " + name, e);
            }
            final OptionalInt exit = awaitExit(HTTP_POLL);
            if (exit.isPresent() || System.nanoTime() > deadline) {
                throw new ChildProcessException(name + (exit.isPresent() ? " exited with code " + exit.getAsInt()
                        : " did not answer within " + timeout) + " before " + url + " answered 200 ("
                        + lastAnswer + "); last lines of " + logFile + ":" + System.lineSeparator()
                        + lastLogLines());
            }
        }
    }

    /**
     * Completes with this child once the command has exited, whether it ended on its own, was killed or was stopped:
     * what a supervisor waits on, for any number of children at once, without a thread per child.
     */
    public CompletableFuture<ChildProcess> onExit() {
        return wrapper.onExit().thenApply(exited -> this);
    }

    /** Waits up to {@code timeout} for the process to exit and returns its exit code (128+n after signal n). */
    public OptionalInt awaitExit(final Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return waitForExit(timeout.toNanos()) ? OptionalInt.of(wrapper.exitValue()) : OptionalInt.empty();
    }

    /** The last lines of the log, for error messages. */
    public String lastLogLines() {
        return lastLines(logFile, !wrapper.isAlive());
    }

    private static String lastLines(final Path logFile, final boolean writerFinished) {
        final LogTail tail = new LogTail(logFile);
        tail.newLines(writerFinished);
        return tail.lastLines();
    }

    /**
     * Stops the process: SIGTERM, up to the stop timeout for it to exit, then SIGKILL. Safe to call more than once.
     *
     * @throws ChildProcessException if the process survives even SIGKILL
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // SIGTERM to the wrapper, which forwards it; destroy() also closes the wrapper's stdin, so its watcher
        // escalates to SIGKILL after the grace period even if this JVM dies before doing so itself.
        wrapper.destroy();
        if (!waitForExit(stopTimeout.toNanos())) {
            killForcibly();
        }
    }

    private void killForcibly() {
        // The command first: once the wrapper is gone the command is no longer its descendant.
        wrapper.descendants().toList().forEach(ProcessHandle::destroyForcibly);
        wrapper.destroyForcibly();
        if (!waitForExit(stopTimeout.toNanos())) {
            throw new ChildProcessException(name + " (pid " + pid + ") is still alive after SIGKILL");
        }
    }

    private boolean waitForExit(final long nanos) {
        try {
            return wrapper.waitFor(nanos, TimeUnit.NANOSECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildProcessException("interrupted while waiting for " + name, e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid + ", log " + logFile + ")";
    }

    /** Settings for {@link ChildProcess}; only name, log file and command are required. */
    public static final class Builder {

        private final String name;
        private final Path logFile;
        private final List<String> command;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private boolean inheritEnvironment = true;
        private Duration stopTimeout = Duration.ofSeconds(10);

        private Builder(final String name, final Path logFile, final List<String> command) {
            this.name = Objects.requireNonNull(name, "name");
            this.logFile = Objects.requireNonNull(logFile, "logFile").toAbsolutePath();
            this.command = List.copyOf(Objects.requireNonNull(command, "command"));
            if (this.command.isEmpty()) {
                throw new IllegalArgumentException("the command of " + name + " is empty");
            }
        }

        public Builder workingDirectory(final Path directory) {
            this.workingDirectory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
            return this;
        }

        /** Sets a variable on top of the inherited environment (or of the bare one). */
        public Builder environment(final String variable, final String value) {
            environment.put(Objects.requireNonNull(variable, "variable"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * With {@code false} the process sees only PATH (which the wrapper needs) and the variables set here, so that
         * settings in the parent's environment cannot change what the child does.
         */
        public Builder inheritEnvironment(final boolean inherit) {
            this.inheritEnvironment = inherit;
            return this;
        }

        /** How long a stop waits after SIGTERM before SIGKILL; also the grace period after the parent dies. */
        public Builder stopTimeout(final Duration timeout) {
            this.stopTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Starts the process.
         *
         * @throws ChildProcessException if the executable or working directory is missing or the start fails
         */
        public ChildProcess start() {
            if (!Files.isDirectory(workingDirectory)) {
                throw new ChildProcessException("cannot start " + name + ": working directory " + workingDirectory
                        + " does not exist");
            }
            final ProcessBuilder builder = new ProcessBuilder(ParentDeathWrapper.wrap(command, logFile, stopTimeout))
                    .directory(workingDirectory.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.PIPE)
                    .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            final Map<String, String> env = builder.environment();
            if (!inheritEnvironment) {
                final String path = env.get("PATH");
                env.clear();
                if (path != null) {
                    env.put("PATH", path);
                }
            }
            env.putAll(environment);
            Executables.requireExecutable(name, command.get(0), workingDirectory, env.get("PATH"));
            final Process wrapper;
            try {
                Files.createDirectories(logFile.getParent());
                Files.write(logFile, new byte[0]);
                wrapper = builder.start();
            } catch (final IOException e) {
                throw new ChildProcessException("cannot start " + name + ": " + e.getMessage(), e);
            }
            try {
                return new ChildProcess(name, logFile, stopTimeout, wrapper, readCommandPid(wrapper));
            } catch (final IOException | RuntimeException e) {
                // Closes the wrapper's stdin too, so its watcher takes the command down with it.
                wrapper.destroyForcibly();
                throw e instanceof ChildProcessException failure ? failure
                        : new ChildProcessException("cannot start " + name + ": " + e.getMessage(), e);
            }
        }

        private long readCommandPid(final Process wrapper) throws IOException {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(wrapper.getInputStream(), StandardCharsets.US_ASCII))) {
                final String line = out.readLine();
                if (line == null) {
                    throw new ChildProcessException("cannot start " + name + ": its supervising shell ended early; log "
                            + logFile + ":" + System.lineSeparator() + lastLines(logFile, true));
                }
                return Long.parseLong(line.trim());
            }
        }
    }
}
