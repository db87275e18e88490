package eu.partnershiptracker.producer.eventfiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The instrument types and the names of their instruments (instruments.yaml and instrument-names.yaml): an instrument
 * is named by its type and key, so its name does not follow the title of its latest event.
 */
public final class InstrumentNames {

    /**
     * One entry of instrument-names.yaml.
     *
     * @param type        the instrument type code
     * @param key         the instrument key, or {@code null} for the instrument of a type that has no key
     * @param partnership {@code ACTOR:COUNTERPART} when the name holds in that partnership only, else {@code null}
     * @param name        the instrument's name
     */
    public record Entry(String type, String key, String partnership, String name) {

        public Entry {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
        }
    }

    private final Map<String, String> typeNames;
    private final Map<List<String>, String> names = new LinkedHashMap<>();

    /**
     * @param typeNames every type code with the name its instruments get when no entry names them, in file order
     * @param entries   the names by type, key and partnership
     */
    public InstrumentNames(final Map<String, String> typeNames, final List<Entry> entries) {
        this.typeNames = Map.copyOf(Objects.requireNonNull(typeNames, "typeNames"));
        for (final Entry entry : Objects.requireNonNull(entries, "entries")) {
            if (!this.typeNames.containsKey(entry.type())) {
                throw new IllegalStateException("instrument-names.yaml names an instrument of unknown type '"
                        + entry.type() + "'");
            }
            if (names.put(lookup(entry.type(), entry.key(), entry.partnership()), entry.name()) != null) {
                throw new IllegalStateException("instrument-names.yaml names " + entry.type() + " '" + entry.key()
                        + "'" + (entry.partnership() == null ? "" : " in " + entry.partnership()) + " twice");
            }
        }
    }

    /** The type codes an event may use. */
    public Set<String> types() {
        return typeNames.keySet();
    }

    /**
     * The name of an instrument: the entry for its partnership, else the entry for any partnership, else (only when
     * it has no key) its type's name.
     *
     * @throws IllegalArgumentException when it has a key that no entry names: a typo must not make a new instrument
     */
    public String name(final String type, final String key, final String partnership) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(partnership, "partnership");
        final String specific = names.get(lookup(type, key, partnership));
        if (specific != null) {
            return specific;
        }
        final String general = names.get(lookup(type, key, null));
        if (general != null) {
            return general;
        }
        if (key == null) {
            return typeNames.get(type);
        }
        throw new IllegalArgumentException("unknown key '" + key + "' for instrument " + type + " in " + partnership
                + ": every key is named in data/reference/instrument-names.yaml" + elsewhere(type, key));
    }

    /** Where the same key is named, so that a curator sees at once a wrong type or a missing partnership entry. */
    private String elsewhere(final String type, final String key) {
        final Set<String> places = new TreeSet<>();
        names.keySet().stream().filter(lookup -> key.equals(lookup.get(1)))
                .forEach(lookup -> places.add(lookup.get(0).equals(type) ? "for " + lookup.get(2)
                        : "under " + lookup.get(0)));
        return places.isEmpty() ? "" : " (it is named " + String.join(", ", places) + ")";
    }

    private static List<String> lookup(final String type, final String key, final String partnership) {
        // List.of refuses nulls; an absent key or partnership is stored as the empty text, which no code can be.
        return List.of(type, key == null ? "" : key, partnership == null ? "" : partnership);
    }
}
