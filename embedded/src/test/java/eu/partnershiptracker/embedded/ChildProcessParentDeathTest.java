package eu.partnershiptracker.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@link ChildProcess} must not outlive its parent JVM, even when that JVM gets SIGKILL and runs no hooks. */
class ChildProcessParentDeathTest {

    @TempDir
    Path dir;

    @Test
    void theGrandchildDiesWhenItsParentJvmIsKilled() throws Exception {
        final Process parent = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                GrandchildStarter.class.getName(),
                dir.resolve("grandchild.log").toString())
                .redirectError(dir.resolve("parent.err").toFile())
                .start();
        final ProcessHandle grandchild;
        try {
            grandchild = ProcessHandle.of(grandchildPid(parent)).orElseThrow();
        } catch (final Exception e) {
            parent.destroyForcibly();
            throw e;
        }
        try {
            await("pid " + grandchild.pid() + " running sleep").atMost(Duration.ofSeconds(30))
                    .until(() -> ChildProcessTest.isSleep(grandchild));

            parent.destroyForcibly();
            assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(parent.exitValue()).as("exit status of a SIGKILLed JVM").isEqualTo(128 + 9);

            await("grandchild " + grandchild.pid() + " gone").atMost(Duration.ofSeconds(30))
                    .until(() -> !grandchild.isAlive());
        } finally {
            parent.destroyForcibly();
            grandchild.destroyForcibly();
        }
    }

    private long grandchildPid(final Process parent) throws Exception {
        final String line = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("the parent JVM ended without printing the grandchild's pid: "
                    + Files.readString(dir.resolve("parent.err")));
        }
        return Long.parseLong(line.trim());
    }
}
