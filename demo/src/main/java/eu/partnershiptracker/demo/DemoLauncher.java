package eu.partnershiptracker.demo;

import eu.partnershiptracker.cli.TrackerCommand;
import picocli.CommandLine;

/**
 * The entry point of the demo jar, which {@code ./tracker} runs: every command of the application plus {@code demo},
 * which is what runs when no command is given.
 */
public final class DemoLauncher {

    private DemoLauncher() {
    }

    public static void main(final String[] args) {
        System.exit(commandLine().execute(args.length == 0 ? new String[] {"demo"} : args));
    }

    /** The application's command line with the demo added. */
    public static CommandLine commandLine() {
        return TrackerCommand.commandLine().addSubcommand(new DemoCommand());
    }
}
