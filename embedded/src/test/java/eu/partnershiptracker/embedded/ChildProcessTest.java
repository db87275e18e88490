package eu.partnershiptracker.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void returnsTheMatchOfTheAwaitedLogLine() {
        try (ChildProcess process = shell("echo starting; echo 'Listening on: http://127.0.0.1:4321'; exec sleep 600")) {
            final MatchResult match = process.awaitLogLine(Pattern.compile("Listening on: http://[\\d.]+:(\\d+)"),
                    TIMEOUT);
            assertThat(match.group(1)).isEqualTo("4321");
        }
    }

    @Test
    void reportsTheCommandsOwnPidAndStopsIt() {
        final ChildProcess process = ChildProcess.builder("sleeper", dir.resolve("sleep.log"),
                List.of("sleep", "600")).start();
        final ProcessHandle command = ProcessHandle.of(process.pid()).orElseThrow();
        await("pid " + process.pid() + " running sleep").atMost(TIMEOUT).until(() -> isSleep(command));

        process.close();

        assertThat(process.isAlive()).isFalse();
        await().atMost(TIMEOUT).until(() -> !command.isAlive());
    }

    @Test
    void propagatesTheExitCode() {
        try (ChildProcess process = shell("exit 7")) {
            assertThat(process.awaitExit(TIMEOUT)).isEqualTo(OptionalInt.of(7));
        }
    }

    @Test
    void onExitCompletesWithTheChildWhenItsCommandIsKilled() {
        try (ChildProcess process = shell("echo ready; exec sleep 600")) {
            process.awaitLogLine(Pattern.compile("ready"), TIMEOUT);
            final CompletableFuture<ChildProcess> exited = process.onExit();
            assertThat(exited).isNotDone();

            ProcessHandle.of(process.pid()).orElseThrow().destroyForcibly();

            assertThat(exited).succeedsWithin(TIMEOUT).isSameAs(process);
            assertThat(process.awaitExit(Duration.ZERO)).isEqualTo(OptionalInt.of(137));
        }
    }

    @Test
    void killsACommandThatIgnoresSigterm() {
        final ChildProcess process = ChildProcess.builder("stubborn", dir.resolve("stubborn.log"),
                        List.of("sh", "-c", "trap '' TERM; echo ready; while :; do sleep 1; done"))
                .stopTimeout(Duration.ofMillis(500))
                .start();
        process.awaitLogLine(Pattern.compile("ready"), TIMEOUT);
        final ProcessHandle command = ProcessHandle.of(process.pid()).orElseThrow();

        process.close();

        assertThat(process.isAlive()).isFalse();
        await().atMost(TIMEOUT).until(() -> !command.isAlive());
    }

    @Test
    void exitingBeforeTheAwaitedLineIsAClearError() {
        try (ChildProcess process = shell("echo starting up; echo 'fatal: address already in use'; exit 3")) {
            assertThatThrownBy(() -> process.awaitLogLine(Pattern.compile("Listening on"), TIMEOUT))
                    .isInstanceOf(ChildProcessException.class)
                    .hasMessageContaining("test shell exited with code 3 before logging a line matching /Listening on/")
                    .hasMessageContaining("starting up")
                    .hasMessageContaining("fatal: address already in use");
        }
    }

    @Test
    void aTimeoutIsAClearError() {
        try (ChildProcess process = shell("echo still starting; exec sleep 600")) {
            assertThatThrownBy(() -> process.awaitLogLine(Pattern.compile("Listening on"), Duration.ofMillis(300)))
                    .isInstanceOf(ChildProcessException.class)
                    .hasMessageContaining("test shell did not log a line matching /Listening on/ within PT0.3S")
                    .hasMessageContaining("still starting");
        }
    }

    @Test
    void aMissingExecutableIsAClearError() {
        assertThatThrownBy(() -> ChildProcess.builder("ghost", dir.resolve("ghost.log"),
                List.of("no-such-program-anywhere")).start())
                .isInstanceOf(ChildProcessException.class)
                .hasMessageContaining("cannot start ghost: executable 'no-such-program-anywhere' not found on PATH=");
        assertThatThrownBy(() -> ChildProcess.builder("ghost", dir.resolve("ghost.log"),
                List.of("/no/such/dir/tool")).start())
                .isInstanceOf(ChildProcessException.class)
                .hasMessageContaining("cannot start ghost: /no/such/dir/tool does not exist or is not an executable");
    }

    @Test
    void runsInTheGivenDirectoryWithOnlyTheGivenEnvironment() {
        assertThat(System.getenv("HOME")).as("HOME of the test JVM, which must not reach the child").isNotBlank();
        final Path workDir = dir.resolve("work");
        assertThat(workDir.toFile().mkdir()).isTrue();
        try (ChildProcess process = ChildProcess.builder("env printer", dir.resolve("env.log"),
                        List.of("sh", "-c", "echo \"dir=$(pwd) greeting=$GREETING home=${HOME:-unset}\""))
                .workingDirectory(workDir)
                .inheritEnvironment(false)
                .environment("GREETING", "hello")
                .start()) {
            assertThat(process.awaitLogLine(Pattern.compile("dir=.*"), TIMEOUT).group())
                    .isEqualTo("dir=" + workDir + " greeting=hello home=unset");
        }
    }

    @Test
    void runsInASessionOfItsOwnSoThatCtrlCInTheTerminalReachesOnlyTheParent() throws Exception {
        try (ChildProcess process = ChildProcess.builder("sleeper", dir.resolve("sleep.log"),
                List.of("sleep", "600")).start()) {
            final ProcessHandle command = ProcessHandle.of(process.pid()).orElseThrow();
            await("pid " + process.pid() + " running sleep").atMost(TIMEOUT).until(() -> isSleep(command));

            assertThat(sessionId(process.pid())).isNotEqualTo(sessionId(ProcessHandle.current().pid()));
        }
    }

    /** The session id, field 6 of /proc/PID/stat; the command name before it may contain spaces. */
    private static String sessionId(final long pid) throws IOException {
        final String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3];
    }

    /** The pid is the wrapper's fork, which runs the command only once it has called exec. */
    static boolean isSleep(final ProcessHandle process) {
        return process.info().command().filter(command -> command.endsWith("/sleep")).isPresent();
    }

    private ChildProcess shell(final String script) {
        return ChildProcess.builder("test shell", dir.resolve("shell.log"), List.of("sh", "-c", script)).start();
    }
}
