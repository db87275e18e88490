package eu.partnershiptracker.producer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eu.partnershiptracker.producer.eventfiles.EventFileReader;
import eu.partnershiptracker.producer.eventfiles.ReferenceData;
import eu.partnershiptracker.producer.eventfiles.SourcedEvent;
import eu.partnershiptracker.producer.eventfiles.SourcedOrder;
import eu.partnershiptracker.producer.eventfiles.YamlFormat;
import eu.partnershiptracker.testing.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The curated record's files, read for tests that check the record itself (where they are: {@link ProjectFiles}). */
final class RecordFiles {

    private static final YAMLMapper YAML = YamlFormat.mapper();

    private RecordFiles() {
    }

    /** The event files, in path order. */
    static List<Path> eventFiles() {
        try (Stream<Path> files = Files.list(ProjectFiles.events())) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every event of data/events, read the way {@code publish} reads them; fails the test on any reading problem. */
    static List<SourcedEvent> allEvents() {
        final EventFileReader.Result result = new EventFileReader(ReferenceData.bundled()).read(ProjectFiles.events());
        assertThat(result.problems()).as("problems reading data/events").isEmpty();
        return result.events();
    }

    /** Every stated order of data/events; fails the test on any reading problem. */
    static List<SourcedOrder> allOrders() {
        final EventFileReader.Result result = new EventFileReader(ReferenceData.bundled()).read(ProjectFiles.events());
        assertThat(result.problems()).as("problems reading data/events").isEmpty();
        return result.orders();
    }

    static JsonNode yaml(final Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
