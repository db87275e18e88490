package eu.partnershiptracker.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code tracker} command line: one jar, one entry point, a subcommand per job. */
@Command(name = "tracker", mixinStandardHelpOptions = true, versionProvider = TrackerCommand.Version.class,
        description = "Partnership Tracker: EU and NATO security and defence partnerships on Kafka.",
        subcommands = {PublishCommand.class, ValidateCommand.class, ServeCommand.class,
                StateCommand.class, ChangesCommand.class, ReportCommand.class})
public final class TrackerCommand {

    public static void main(final String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every command of the application, for a launcher that adds its own (the demo). */
    public static CommandLine commandLine() {
        return new CommandLine(new TrackerCommand());
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
