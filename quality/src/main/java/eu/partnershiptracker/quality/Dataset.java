package eu.partnershiptracker.quality;

import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.producer.eventfiles.EventFiles;
import eu.partnershiptracker.producer.eventfiles.SourcedEvent;
import eu.partnershiptracker.producer.eventfiles.ValidationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The curated record as files hold it: the events (validated exactly as {@code publish} validates them), the undated
 * facts, the dated mentions left out and the seed-stated figures.
 */
public record Dataset(List<PolicyEvent> events, UndatedRecord undated, ExcludedMentions excluded,
        FigureList figures) {

    public Dataset {
        events = List.copyOf(events);
        Objects.requireNonNull(undated, "undated");
        Objects.requireNonNull(excluded, "excluded");
        Objects.requireNonNull(figures, "figures");
    }

    /**
     * Reads a dataset laid out as data/ is: events under {@code events/}, {@code reference/undated.yaml},
     * {@code reference/excluded.yaml} and {@code checks/figures.yaml} beside it.
     */
    public static Dataset readBeside(final Path eventsDirectory) throws ValidationException {
        final Path data = eventsDirectory.toAbsolutePath().normalize().getParent();
        final Path reference = data.resolve("reference");
        return read(eventsDirectory, reference.resolve("undated.yaml"), reference.resolve("excluded.yaml"),
                data.resolve("checks").resolve("figures.yaml"));
    }

    /**
     * @throws ValidationException      when an event file is invalid
     * @throws IllegalArgumentException when the undated, excluded or figures file is malformed
     */
    public static Dataset read(final Path events, final Path undatedFile, final Path excludedFile,
            final Path figuresFile)
            throws ValidationException {
        Objects.requireNonNull(events, "events");
        final List<SourcedEvent> read = EventFiles.bundled().check(List.of(events));
        return new Dataset(read.stream().map(SourcedEvent::event).toList(),
                UndatedRecord.read(Objects.requireNonNull(undatedFile, "undatedFile")),
                ExcludedMentions.read(Objects.requireNonNull(excludedFile, "excludedFile")),
                FigureList.read(Objects.requireNonNull(figuresFile, "figuresFile")));
    }
}
