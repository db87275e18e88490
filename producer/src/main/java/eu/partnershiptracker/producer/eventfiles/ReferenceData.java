package eu.partnershiptracker.producer.eventfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The codes an event may use (actors, counterparts, instrument types and event kinds) and the names stamped on it
 * (counterparts' display names, instruments' names).
 *
 * <p>The curated lists live in {@code data/reference/*.yaml} and ship inside the jar, so the validator and the dataset
 * can never disagree about which codes exist.
 */
public final class ReferenceData {

    private static final String BUNDLED_ROOT = "/reference/";

    private final Set<String> actors;
    private final Map<String, CounterpartName> counterparts;
    private final InstrumentNames instruments;
    private final Set<String> kinds;

    public ReferenceData(final Set<String> actors, final Map<String, CounterpartName> counterparts,
            final InstrumentNames instruments, final Set<String> kinds) {
        this.actors = Set.copyOf(Objects.requireNonNull(actors, "actors"));
        this.counterparts = Map.copyOf(Objects.requireNonNull(counterparts, "counterparts"));
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.kinds = Set.copyOf(Objects.requireNonNull(kinds, "kinds"));
    }

    /** Loads the reference lists bundled from {@code data/reference}. */
    public static ReferenceData bundled() {
        final YAMLMapper yaml = YamlFormat.mapper();
        final Set<String> actors = codes(read(yaml, "actors.yaml"), "actors", "actors.yaml");
        final JsonNode counterpartsFile = read(yaml, "counterparts.yaml");
        final Map<String, CounterpartName> counterparts = counterpartNames(counterpartsFile, "countries", actors);
        counterparts.putAll(counterpartNames(counterpartsFile, "organisations", actors));
        return new ReferenceData(actors, counterparts,
                new InstrumentNames(typeNames(read(yaml, "instruments.yaml")),
                        instrumentNames(read(yaml, "instrument-names.yaml"))),
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
        final Set<String> codes = new LinkedHashSet<>();
        entries(file, list, name).forEach(entry -> codes.add(text(entry, "code", name)));
        return codes;
    }

    private static Map<String, CounterpartName> counterpartNames(final JsonNode file, final String list,
            final Set<String> actors) {
        final Map<String, CounterpartName> names = new LinkedHashMap<>();
        for (final JsonNode entry : entries(file, list, "counterparts.yaml")) {
            final String code = text(entry, "code", "counterparts.yaml");
            final String shortName = entry.path("shortName").asText("");
            final Map<String, String> byActor = new LinkedHashMap<>();
            entry.path("shortNames").fields().forEachRemaining(name -> byActor.put(name.getKey(),
                    name.getValue().asText()));
            if (shortName.isBlank() && !byActor.keySet().containsAll(actors)) {
                throw new IllegalStateException("reference list counterparts.yaml: " + code
                        + " needs a 'shortName', or 'shortNames' for every actor " + actors);
            }
            names.put(code, new CounterpartName(shortName.isBlank() ? null : shortName, byActor));
        }
        return names;
    }

    private static Map<String, String> typeNames(final JsonNode file) {
        final Map<String, String> names = new LinkedHashMap<>();
        for (final JsonNode entry : entries(file, "instruments", "instruments.yaml")) {
            names.put(text(entry, "code", "instruments.yaml"), text(entry, "name", "instruments.yaml"));
        }
        return names;
    }

    private static List<InstrumentNames.Entry> instrumentNames(final JsonNode file) {
        final List<InstrumentNames.Entry> names = new ArrayList<>();
        for (final JsonNode entry : entries(file, "names", "instrument-names.yaml")) {
            names.add(new InstrumentNames.Entry(text(entry, "instrument", "instrument-names.yaml"),
                    optional(entry, "key"), optional(entry, "partnership"),
                    text(entry, "name", "instrument-names.yaml")));
        }
        return names;
    }

    private static JsonNode entries(final JsonNode file, final String list, final String name) {
        final JsonNode entries = file.path(list);
        if (!entries.isArray()) {
            throw new IllegalStateException("reference list " + name + " has no '" + list + "' list");
        }
        return entries;
    }

    private static String text(final JsonNode entry, final String field, final String name) {
        final String text = entry.path(field).asText("");
        if (text.isBlank()) {
            throw new IllegalStateException("reference list " + name + " has an entry without a " + field + ": "
                    + entry);
        }
        return text;
    }

    private static String optional(final JsonNode entry, final String field) {
        final String text = entry.path(field).asText("");
        return text.isBlank() ? null : text;
    }

    public Set<String> actors() {
        return actors;
    }

    public Set<String> counterparts() {
        return counterparts.keySet();
    }

    public Set<String> instruments() {
        return instruments.types();
    }

    public Set<String> kinds() {
        return kinds;
    }

    /** The display name of a counterpart of the actor's partnership; the code must be one of {@link #counterparts}. */
    public String counterpartName(final String actor, final String code) {
        final CounterpartName name = counterparts.get(Objects.requireNonNull(code, "code"));
        if (name == null) {
            throw new IllegalArgumentException("unknown counterpart code '" + code + "'");
        }
        return name.forActor(actor);
    }

    /** The names of instruments by type, key and partnership. */
    public InstrumentNames instrumentNames() {
        return instruments;
    }
}
