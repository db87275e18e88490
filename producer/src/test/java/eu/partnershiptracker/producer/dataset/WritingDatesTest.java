package eu.partnershiptracker.producer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.partnershiptracker.testing.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * data/reference/sources.yaml, the seeds' writing dates that bounds rest on, names only seeds that exist and documents
 * each seed once. Its quotes are checked verbatim by {@link QuotesTest}; the bounds that use it by
 * {@link StatedDatesTest}.
 */
class WritingDatesTest {

    @Test
    void everySourceNamedInSourcesYamlIsASeed() {
        final List<String> named = new ArrayList<>();
        for (final JsonNode entry : RecordFiles.yaml(WritingDates.file()).path("sources")) {
            named.add(entry.path("source").asText());
            entry.path("basis").forEach(basis -> named.add(basis.path("source").asText()));
        }

        assertThat(named).isNotEmpty();
        assertThat(notSeeds(named)).as("sources named in sources.yaml that are not in " + ProjectFiles.seeds())
                .isEmpty();
    }

    @Test
    void everySeedHasItsWritingDateDocumentedOnce() {
        final List<String> documented = WritingDates.documented().sources().stream().map(WritingDates.Source::file)
                .toList();

        assertThat(documented).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(seeds());
    }

    @Test
    void aSourceThatIsNoSeedIsReported() {
        assertThat(notSeeds(List.of("003_c9d7a99b29a6c61b.txt", "999_not_a_seed.txt")))
                .containsExactly("999_not_a_seed.txt");
    }

    private static List<String> notSeeds(final List<String> named) {
        return named.stream().filter(source -> !Files.isRegularFile(ProjectFiles.seeds().resolve(source))).toList();
    }

    private static List<String> seeds() {
        try (Stream<Path> files = Files.list(ProjectFiles.seeds())) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".txt")).sorted().toList();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
