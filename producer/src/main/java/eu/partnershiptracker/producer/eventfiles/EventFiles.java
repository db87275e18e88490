package eu.partnershiptracker.producer.eventfiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one way event files are read and checked: {@code validate}, {@code publish}, the demo and the quality report all
 * come through here, so a file that one accepts, every other accepts too.
 *
 * <p>The checks that need no cluster all happen here: every field of every event, then the events of the run against
 * each other (duplicate ids, correction targets, cycles). Whether a correction's target is on the events topic is for
 * the publisher to check, against the topic.
 */
public final class EventFiles {

    private final EventFileReader reader;
    private final EventSetValidator validator = new EventSetValidator();

    public EventFiles(final ReferenceData reference) {
        this.reader = new EventFileReader(Objects.requireNonNull(reference, "reference"));
    }

    /** Event files checked against the codes of data/reference, which ship in the jar. */
    public static EventFiles bundled() {
        return new EventFiles(ReferenceData.bundled());
    }

    /**
     * Reads files, or every {@code *.yaml} / {@code *.yml} file below directories, and checks them.
     *
     * @return every event, in file order, with where it came from
     * @throws ValidationException listing every problem found, in every file
     */
    public List<SourcedEvent> check(final List<Path> inputs) throws ValidationException {
        Objects.requireNonNull(inputs, "inputs");
        final List<SourcedEvent> events = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        for (final Path input : inputs) {
            final EventFileReader.Result result = reader.read(input);
            events.addAll(result.events());
            problems.addAll(result.problems());
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        validator.checkOffline(events);
        return events;
    }
}
