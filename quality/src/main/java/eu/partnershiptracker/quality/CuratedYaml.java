package eu.partnershiptracker.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eu.partnershiptracker.producer.eventfiles.YamlFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads the curated YAML files beside the events (undated facts, figures) and turns a bad field into a message that
 * names the file, the entry and the field, as the event validator does for event files.
 */
final class CuratedYaml {

    private static final YAMLMapper YAML = YamlFormat.mapper();

    private final Path file;
    private final JsonNode root;

    private CuratedYaml(final Path file, final JsonNode root) {
        this.file = file;
        this.root = root;
    }

    static CuratedYaml read(final Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return new CuratedYaml(file, YAML.readTree(file.toFile()));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** One entry of a top-level list, with the accessors that report where a bad value is. */
    final class Entry {

        private final String list;
        private final int index;
        private final JsonNode node;

        private Entry(final String list, final int index, final JsonNode node) {
            this.list = list;
            this.index = index;
            this.node = node;
        }

        /** Rejects fields the format does not know: a misspelt filter must not silently widen a count. */
        Entry allowing(final Set<String> fields) {
            node.fieldNames().forEachRemaining(field -> {
                if (!fields.contains(field)) {
                    throw problem(field, "is unknown (expected one of " + new TreeSet<>(fields) + ")");
                }
            });
            return this;
        }

        String required(final String field) {
            final String value = optional(field);
            if (value == null || value.isBlank()) {
                throw problem(field, "is required");
            }
            return value;
        }

        String optional(final String field) {
            final JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }

        <T> T required(final String field, final Function<String, T> parse) {
            final String text = required(field);
            try {
                return parse.apply(text);
            } catch (final IllegalArgumentException | DateTimeException e) {
                throw problem(field, "'" + text + "' is not valid: " + e.getMessage());
            }
        }

        <T> T optional(final String field, final Function<String, T> parse) {
            return optional(field) == null ? null : required(field, parse);
        }

        <T> List<T> list(final String field, final Function<String, T> parse) {
            final JsonNode values = node.path(field);
            if (values.isMissingNode() || values.isNull()) {
                return List.of();
            }
            if (!values.isArray()) {
                throw problem(field, "must be a list");
            }
            final List<T> parsed = new ArrayList<>();
            for (final JsonNode value : values) {
                try {
                    parsed.add(parse.apply(value.asText()));
                } catch (final IllegalArgumentException | DateTimeException e) {
                    throw problem(field, "'" + value.asText() + "' is not valid: " + e.getMessage());
                }
            }
            return parsed;
        }

        boolean flag(final String field) {
            final JsonNode value = node.get(field);
            if (value != null && !value.isBoolean()) {
                throw problem(field, "must be true or false");
            }
            return value != null && value.booleanValue();
        }

        Entry child(final String field) {
            final JsonNode value = node.get(field);
            if (value == null || !value.isObject()) {
                throw problem(field, "must be a mapping");
            }
            return new Entry(list + "[" + index + "]." + field, 0, value);
        }

        IllegalArgumentException problem(final String field, final String message) {
            return new IllegalArgumentException(file + ": " + list + " entry #" + index + " ("
                    + node.path("id").asText(node.path("what").asText("")) + "): field '" + field + "' " + message);
        }
    }

    /** The entries of a top-level list; a missing list is empty. */
    List<Entry> entries(final String list) {
        final JsonNode values = root.path(list);
        if (values.isMissingNode()) {
            return List.of();
        }
        if (!values.isArray()) {
            throw new IllegalArgumentException(file + ": '" + list + "' must be a list");
        }
        final List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (final JsonNode value : values) {
            entries.add(new Entry(list, ++index, value));
        }
        return entries;
    }
}
