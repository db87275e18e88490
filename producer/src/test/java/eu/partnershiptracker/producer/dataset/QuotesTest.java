package eu.partnershiptracker.producer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.partnershiptracker.model.Provenance;
import eu.partnershiptracker.producer.eventfiles.SourcedEvent;
import eu.partnershiptracker.testing.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every quote in the record is found verbatim in the seed it names, once runs of whitespace are collapsed: the events,
 * their stated orders, and every entry of the reference and check files that names a source and a quote (definitions, undated facts,
 * excluded mentions, figures). URL sources are outside the seeds and are not checked here.
 */
class QuotesTest {

    /** A quote and where it was found, to name it when it is not in its seed. */
    record Quoted(String where, String source, String quote) {
    }

    private final Map<String, String> seeds = new HashMap<>();

    @Test
    void eventQuotesAreVerbatimInTheirSeeds() {
        final List<Quoted> quotes = RecordFiles.allEvents().stream().map(QuotesTest::quoted).toList();

        assertThat(quotes).hasSizeGreaterThan(100);
        assertVerbatim(quotes);
    }

    @Test
    void orderQuotesAreVerbatimInTheirSeeds() {
        final List<Quoted> quotes = RecordFiles.allOrders().stream().map(order -> new Quoted(order.file() + " order "
                + order.order().id(), order.order().source(), order.order().quote())).toList();

        assertThat(quotes).isNotEmpty();
        assertVerbatim(quotes);
    }

    @Test
    void referenceAndCheckQuotesAreVerbatimInTheirSeeds() {
        final List<Quoted> quotes = new ArrayList<>();
        for (final Path file : curatedFiles()) {
            collect(file.getFileName().toString(), RecordFiles.yaml(file), quotes);
        }

        assertThat(quotes).extracting(Quoted::where).anyMatch(where -> where.startsWith("undated.yaml"))
                .anyMatch(where -> where.startsWith("figures.yaml"));
        assertVerbatim(quotes);
    }

    @Test
    void aQuoteThatIsNotInItsSeedIsReported() {
        final Quoted invented = new Quoted("test", "003_c9d7a99b29a6c61b.txt", "Until August 2025, the EU has signed nine SDPs");

        assertThat(missing(List.of(invented))).containsExactly(invented);
    }

    private static Quoted quoted(final SourcedEvent event) {
        final Provenance provenance = event.event().getProvenance();
        return new Quoted(event.location().describe(), provenance.getSource(), provenance.getQuote());
    }

    private static List<Path> curatedFiles() {
        try (Stream<Path> reference = Files.list(ProjectFiles.data().resolve("reference"))) {
            final List<Path> files = new ArrayList<>(reference.filter(file -> file.toString().endsWith(".yaml"))
                    .sorted().toList());
            files.add(ProjectFiles.data().resolve("checks").resolve("figures.yaml"));
            return files;
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks a YAML tree and takes every mapping that has both a source and a quote. */
    private static void collect(final String where, final JsonNode node, final List<Quoted> quotes) {
        if (node.isObject() && node.hasNonNull("source") && node.hasNonNull("quote")) {
            final String name = node.path("id").asText(node.path("code").asText(node.path("what").asText("")));
            quotes.add(new Quoted(where + " (" + name + ")", node.get("source").asText(), node.get("quote").asText()));
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> collect(where + "/" + field.getKey(), field.getValue(), quotes));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(where + "[" + (i + 1) + "]", node.get(i), quotes);
            }
        }
    }

    private void assertVerbatim(final List<Quoted> quotes) {
        assertThat(missing(quotes)).as("quotes not found verbatim in their seed").isEmpty();
    }

    private List<Quoted> missing(final List<Quoted> quotes) {
        return quotes.stream()
                .filter(quoted -> !quoted.source().startsWith("http"))
                .filter(quoted -> !seed(quoted.source()).contains(collapse(quoted.quote())))
                .toList();
    }

    private String seed(final String name) {
        return seeds.computeIfAbsent(name, file -> {
            final Path path = ProjectFiles.seeds().resolve(file);
            assertThat(path).as("seed named by a quote").isRegularFile();
            try {
                return collapse(Files.readString(path, StandardCharsets.UTF_8));
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String collapse(final String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
