package eu.partnershiptracker.embedded;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The command line of a child JVM that runs a main class of this application with this JVM's java and classpath. */
public final class JavaCommand {

    private JavaCommand() {
    }

    /**
     * {@code java <jvmOptions> -cp <this classpath> <mainClass> <arguments>}. Classpath entries are made absolute:
     * {@code java -jar tracker.jar} has a relative classpath, and children run in other working directories.
     */
    public static List<String> of(final List<String> jvmOptions, final String mainClass, final List<String> arguments) {
        Objects.requireNonNull(jvmOptions, "jvmOptions");
        Objects.requireNonNull(mainClass, "mainClass");
        Objects.requireNonNull(arguments, "arguments");
        final String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }
}
