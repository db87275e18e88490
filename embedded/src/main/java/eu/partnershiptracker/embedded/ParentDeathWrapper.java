package eu.partnershiptracker.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Wraps a command in a small POSIX shell script so that the command dies with the JVM that started it, even when that
 * JVM is killed with SIGKILL and no shutdown hook runs.
 *
 * <p>The wrapper's stdin is a pipe whose only writer is the parent JVM. The kernel closes that write end whatever way
 * the parent ends, so a watcher inside the wrapper, blocked reading the pipe, sees end-of-file exactly when the parent
 * is gone (or when the parent closes the pipe on purpose). The watcher then sends SIGTERM to the command, polls for the
 * grace period and finishes with SIGKILL. Meanwhile the wrapper itself:
 * <ul>
 *   <li>prints the command's pid as its only stdout line, so the parent knows the real process, not the shell;</li>
 *   <li>forwards SIGTERM, SIGINT and SIGHUP to the command, so a graceful stop of the wrapper stops the command;</li>
 *   <li>waits for the command, so it never leaves a zombie, and exits with the command's status (128+n after a
 *       signal n), so the exit code is propagated;</li>
 *   <li>ends the watcher and reaps it once the command has exited.</li>
 * </ul>
 * Only built-ins and {@code sleep} are used, so the wrapper adds two light processes and no dependency beyond
 * {@code /bin/sh}. The command's stdin is {@code /dev/null} and its output is appended to the log file.
 *
 * <p>Where {@code setsid} exists (Linux), the wrapper runs in a session of its own. A Ctrl-C in the terminal then
 * reaches only the parent, which stops its children in the order it chooses (the demo: API, registry, broker), instead
 * of every child at once.
 */
final class ParentDeathWrapper {

    /**
     * Positional parameters: $1 log file, $2 grace period in tenths of a second, then the command. The forwarding
     * trap is set only after the watcher is forked: a watcher that inherited it would turn the wrapper's final
     * SIGTERM into a forward to the already dead command and block on the pipe forever.
     */
    private static final String SCRIPT = """
            log=$1; ticks=$2; shift 2
            exec 3<&0 </dev/null
            "$@" >>"$log" 2>&1 3<&- &
            c=$!
            (
              while read -r _; do :; done
              kill -TERM "$c" 2>/dev/null
              i=0
              while kill -0 "$c" 2>/dev/null && [ "$i" -lt "$ticks" ]; do sleep 0.1; i=$((i + 1)); done
              kill -KILL "$c" 2>/dev/null
            ) <&3 >/dev/null 3<&- &
            w=$!
            trap 'kill -TERM "$c" 2>/dev/null' TERM INT HUP
            exec 3<&-
            echo "$c"
            wait "$c" 2>/dev/null; s=$?
            while kill -0 "$c" 2>/dev/null; do wait "$c" 2>/dev/null; s=$?; done
            kill "$w" 2>/dev/null
            wait "$w" 2>/dev/null
            exit "$s"
            """;

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private ParentDeathWrapper() {
    }

    /** The full command line that runs {@code command} under the wrapper. */
    static List<String> wrap(final List<String> command, final Path logFile, final Duration gracePeriod) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        final List<String> wrapped = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // The JVM's child is not a process group leader, so setsid execs the shell directly: same pid.
            wrapped.add(SETSID.toString());
        }
        wrapped.addAll(List.of("/bin/sh", "-c", SCRIPT, "child-process-wrapper",
                logFile.toString(), Long.toString(Math.max(1, gracePeriod.toMillis() / 100))));
        wrapped.addAll(command);
        return wrapped;
    }
}
