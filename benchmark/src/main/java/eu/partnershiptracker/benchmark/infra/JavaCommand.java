package eu.partnershiptracker.benchmark.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command line of a child JVM running a main class from this JVM's own class path: the broker and Kafka's perf
 * tools each get a JVM of their own, so that their heap and garbage collection stay out of the figures measured here.
 */
public final class JavaCommand {

    private JavaCommand() {
    }

    /**
     * @param jvmOptions e.g. -Xmx1g
     * @param mainClass  the class to run
     * @param arguments  its arguments
     */
    public static List<String> of(final List<String> jvmOptions, final String mainClass,
            final List<String> arguments) {
        Objects.requireNonNull(jvmOptions, "jvmOptions");
        Objects.requireNonNull(mainClass, "mainClass");
        Objects.requireNonNull(arguments, "arguments");
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        // The perf tools print their figures with String.format: a decimal point, whatever the machine's locale.
        command.add("-Duser.language=en");
        command.add("-Duser.country=US");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        return List.copyOf(command);
    }
}
