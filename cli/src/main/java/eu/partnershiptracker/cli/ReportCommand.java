package eu.partnershiptracker.cli;

import eu.partnershiptracker.producer.eventfiles.ValidationException;
import eu.partnershiptracker.quality.Dataset;
import eu.partnershiptracker.quality.JsonReport;
import eu.partnershiptracker.quality.QualityReport;
import eu.partnershiptracker.quality.TextReport;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tracker report}: the quality report of the curated record, generated from the files, no Kafka needed. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Count the events by actor, instrument, year and precision, list the conflicts the streams fold"
                + " finds, and check the seed-stated figures.",
                "Exit code 1 when the data is invalid or a figure is not reproduced."})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = "data/events",
            description = "The event files (default: ${DEFAULT-VALUE}); reference/undated.yaml and"
                    + " checks/figures.yaml are read from its parent directory.")
    private Path events;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        final PrintWriter err = spec.commandLine().getErr();
        final QualityReport report;
        try {
            report = QualityReport.of(Dataset.readBeside(events));
        } catch (final ValidationException | IllegalArgumentException | UncheckedIOException e) {
            err.println(e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        spec.commandLine().getOut().print(json ? JsonReport.render(report) : TextReport.render(report));
        spec.commandLine().getOut().flush();
        report.failingFigures().forEach(result -> err.println("figure not reproduced: " + result.describe()));
        return report.failingFigures().isEmpty() ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
    }
}
