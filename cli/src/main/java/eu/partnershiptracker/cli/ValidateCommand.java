package eu.partnershiptracker.cli;

import eu.partnershiptracker.producer.eventfiles.EventFiles;
import eu.partnershiptracker.producer.eventfiles.SourcedEvent;
import eu.partnershiptracker.producer.eventfiles.ValidationException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks event files without contacting Kafka: what a curator runs before opening a pull request. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check event files (YAML) without publishing them. Exit code 1 when any event is invalid.")
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Event files, or directories of them.")
    private List<Path> inputs;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try {
            final List<SourcedEvent> events = EventFiles.bundled().check(inputs);
            spec.commandLine().getOut().printf("%d events are valid.%n", events.size());
            return ExitCodes.OK;
        } catch (final ValidationException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
    }
}
