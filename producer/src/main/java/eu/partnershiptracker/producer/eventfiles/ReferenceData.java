package eu.partnershiptracker.producer.eventfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The codes an event may use: actors, counterparts, instrument types and event kinds.
 *
 * <p>The curated lists live in {@code data/reference/*.yaml} and ship inside the jar, so the validator and the dataset
 * can never disagree about which codes exist.
 */
public final class ReferenceData {

    private static final String BUNDLED_ROOT = "/reference/";

    private final Set<String> actors;
    private final Set<String> counterparts;
    private final Set<String> instruments;
    private final Set<String> kinds;

    public ReferenceData(final Set<String> actors, final Set<String> counterparts, final Set<String> instruments,
            final Set<String> kinds) {
        this.actors = Set.copyOf(Objects.requireNonNull(actors, "actors"));
        this.counterparts = Set.copyOf(Objects.requireNonNull(counterparts, "counterparts"));
        this.instruments = Set.copyOf(Objects.requireNonNull(instruments, "instruments"));
        this.kinds = Set.copyOf(Objects.requireNonNull(kinds, "kinds"));
    }

    /** Loads the reference lists bundled from {@code data/reference}. */
    public static ReferenceData bundled() {
        final YAMLMapper yaml = YamlFormat.mapper();
        final JsonNode counterpartsFile = read(yaml, "counterparts.yaml");
        final Set<String> counterparts = codes(counterpartsFile, "countries", "counterparts.yaml");
        counterparts.addAll(codes(counterpartsFile, "organisations", "counterparts.yaml"));
        return new ReferenceData(
                codes(read(yaml, "actors.yaml"), "actors", "actors.yaml"),
                counterparts,
                codes(read(yaml, "instruments.yaml"), "instruments", "instruments.yaml"),
                codes(read(yaml, "event-kinds.yaml"), "kinds", "event-kinds.yaml"));
    }

    private static JsonNode read(final YAMLMapper yaml, final String name) {
        try (InputStream in = ReferenceData.class.getResourceAsStream(BUNDLED_ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("reference list " + name + " is missing from the classpath");
            }
            return yaml.readTree(in);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read reference list " + name, e);
        }
    }

    private static Set<String> codes(final JsonNode file, final String list, final String name) {
        final JsonNode entries = file.path(list);
        if (!entries.isArray()) {
            throw new IllegalStateException("reference list " + name + " has no '" + list + "' list");
        }
        final Set<String> codes = new LinkedHashSet<>();
        for (final JsonNode entry : entries) {
            final String code = entry.path("code").asText("");
            if (code.isEmpty()) {
                throw new IllegalStateException("reference list " + name + " has an entry without a code: " + entry);
            }
            codes.add(code);
        }
        return codes;
    }

    public Set<String> actors() {
        return actors;
    }

    public Set<String> counterparts() {
        return counterparts;
    }

    public Set<String> instruments() {
        return instruments;
    }

    public Set<String> kinds() {
        return kinds;
    }
}
