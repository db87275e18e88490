package eu.partnershiptracker.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import eu.partnershiptracker.events.EventFileReader;
import eu.partnershiptracker.events.SourcedEvent;
import eu.partnershiptracker.validation.ReferenceData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the curated record and the seed documents are, for tests that check the record itself. Paths come from the
 * system property {@code tracker.projectRoot} that surefire passes.
 */
final class RecordFiles {

    // YAML 1.1 would read NO (Norway) as false.
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build();

    private RecordFiles() {
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("tracker.projectRoot", "..")).toAbsolutePath().normalize();
    }

    static Path data() {
        return projectRoot().resolve("data");
    }

    static Path events() {
        return data().resolve("events");
    }

    /** The event files, in path order. */
    static List<Path> eventFiles() {
        try (Stream<Path> files = Files.list(events())) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every event of data/events, read the way {@code publish} reads them; fails the test on any reading problem. */
    static List<SourcedEvent> allEvents() {
        final EventFileReader.Result result = new EventFileReader(ReferenceData.bundled()).read(events());
        assertThat(result.problems()).as("problems reading data/events").isEmpty();
        return result.events();
    }

    /**
     * The seed documents: {@code ../shared/seeds} beside the project (as in CI), or beside the directory that holds the
     * project (a git worktree). A missing seed directory fails the test: quotes that cannot be checked are not checked.
     */
    static Path seeds() {
        final Path root = projectRoot();
        final List<Path> candidates = List.of(root.resolve("../shared/seeds").normalize(),
                root.resolve("../../shared/seeds").normalize());
        return candidates.stream().filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError(
                "no seed directory; looked at " + candidates));
    }

    static JsonNode yaml(final Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
