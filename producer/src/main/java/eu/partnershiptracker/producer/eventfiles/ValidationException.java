package eu.partnershiptracker.producer.eventfiles;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when input fails validation; carries every problem found, not just the first. */
public final class ValidationException extends Exception {

    private final transient List<Problem> problems;

    public ValidationException(final List<Problem> problems) {
        super(problems.size() + " problem(s) in the event files:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
