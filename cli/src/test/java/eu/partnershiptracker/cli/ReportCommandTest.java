package eu.partnershiptracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.partnershiptracker.producer.eventfiles.ValidationException;
import eu.partnershiptracker.quality.Dataset;
import eu.partnershiptracker.quality.QualityReport;
import eu.partnershiptracker.quality.TextReport;
import eu.partnershiptracker.testing.ProjectFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tracker report} as a person or a script runs it. */
class ReportCommandTest {

    /** A finished run: its exit code and what it printed. */
    record Run(int exitCode, String out, String err) {
    }

    @TempDir
    Path dir;

    private static Run report(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = new CommandLine(new TrackerCommand()).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsTheTextReportOfTheRecord() throws ValidationException {
        final Run run = report("report", ProjectFiles.events().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(TextReport.render(QualityReport.of(curatedRecord())));
    }

    @Test
    void printsJsonOnRequest() throws IOException, ValidationException {
        final Run run = report("report", ProjectFiles.events().toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).path("events").asInt())
                .isEqualTo(curatedRecord().events().size());
    }

    @Test
    void aFigureTheDataNoLongerReproducesFailsTheRun() throws IOException {
        final Path events = Files.createDirectories(dir.resolve("events"));
        Files.copy(ProjectFiles.events().resolve("eu-sdp.yaml"), events.resolve("eu-sdp.yaml"));
        Files.createDirectories(dir.resolve("reference"));
        Files.copy(ProjectFiles.root().resolve("data/reference/undated.yaml"),
                dir.resolve("reference/undated.yaml"));
        Files.copy(ProjectFiles.root().resolve("data/reference/excluded.yaml"),
                dir.resolve("reference/excluded.yaml"));
        Files.createDirectories(dir.resolve("checks"));
        Files.copy(ProjectFiles.root().resolve("data/checks/figures.yaml"), dir.resolve("checks/figures.yaml"));

        final Run run = report("report", events.toString());

        assertThat(run.exitCode()).isOne();
        assertThat(run.out()).contains("FAIL fpa-count-annex");
        assertThat(run.err()).contains("figure not reproduced: fpa-count-annex: expected 23, counted 0");
    }

    @Test
    void invalidEventsAreReportedNotCounted() throws IOException {
        final Path events = Files.createDirectories(dir.resolve("events"));
        Files.writeString(events.resolve("bad.yaml"), "events:\n  - id: x\n");

        final Run run = report("report", events.toString());

        assertThat(run.exitCode()).isOne();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("bad.yaml");
    }

    private static Dataset curatedRecord() throws ValidationException {
        return Dataset.readBeside(ProjectFiles.events());
    }
}
