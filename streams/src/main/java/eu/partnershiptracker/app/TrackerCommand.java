package eu.partnershiptracker.app;

import eu.partnershiptracker.app.client.ChangesCommand;
import eu.partnershiptracker.app.client.StateCommand;
import eu.partnershiptracker.cli.PublishCommand;
import eu.partnershiptracker.cli.ValidateCommand;
import eu.partnershiptracker.demo.DemoCommand;
import eu.partnershiptracker.quality.ReportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tracker} command line: one jar, one entry point, a subcommand per job. */
@Command(name = "tracker", mixinStandardHelpOptions = true, versionProvider = TrackerCommand.Version.class,
        description = "Partnership Tracker: EU and NATO security and defence partnerships on Kafka.",
        subcommands = {DemoCommand.class, PublishCommand.class, ValidateCommand.class, ServeCommand.class,
                StateCommand.class, ChangesCommand.class, ReportCommand.class})
public final class TrackerCommand {

    public static void main(final String[] args) {
        System.exit(new CommandLine(new TrackerCommand()).execute(args));
    }

    /** Reports the version Maven stamped into the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            final String version = TrackerCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Partnership Tracker " + (version == null ? "(development build)" : version)};
        }
    }
}
