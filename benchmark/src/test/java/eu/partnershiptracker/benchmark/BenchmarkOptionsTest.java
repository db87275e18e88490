package eu.partnershiptracker.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Option values the run cannot use are refused before anything starts, with the option named. */
class BenchmarkOptionsTest {

    @TempDir
    Path out;

    @Test
    void aHistoryLongerThanTheEventsOfAHistoryRunIsRefused() {
        assertRefused("--history-lengths", "--events", "500", "--partnerships", "5", "--history-lengths", "10,1000");
    }

    @Test
    void fewerEventsThanPartnershipsIsRefused() {
        assertRefused("--events must be at least --partnerships", "--events", "10", "--partnerships", "20");
    }

    @Test
    void aShareOfCapacityAboveOneIsRefused() {
        assertRefused("--capacity-share", "--capacity-share", "1.5");
    }

    @Test
    void aStreamsPropertyWithoutAValueIsRefused() {
        assertRefused("--streams-property", "--streams-property", "commit.interval.ms");
    }

    @Test
    void anEvenNumberOfSnapshotRunsIsRefused() {
        assertRefused("--snapshot-runs", "--snapshot-runs", "2");
    }

    private void assertRefused(final String message, final String... arguments) {
        final StringWriter err = new StringWriter();
        final CommandLine command = new CommandLine(new Benchmark()).setErr(new PrintWriter(err));
        final String[] all = new String[arguments.length + 2];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        all[arguments.length] = "--out";
        all[arguments.length + 1] = out.toString();

        final int exit = command.execute(all);

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains(message);
        assertThat(out).isEmptyDirectory();
    }
}
