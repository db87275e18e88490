package eu.partnershiptracker.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * data/reference/excluded.yaml counted by reason: dated mentions deliberately not recorded. An entry's reason category
 * is the {@code # -- heading --} it stands under, so that curators keep one reason per section and the report can say
 * how many mentions each reason leaves out without a field every entry would have to repeat.
 */
public record ExcludedMentions(SortedMap<String, Long> byCategory) {

    /** The category of entries that stand under no heading. */
    static final String UNCATEGORISED = "(no heading)";

    private static final Pattern HEADING = Pattern.compile("^\\s*#\\s*--\\s*(.+?)\\s*--\\s*$");
    private static final Pattern ENTRY = Pattern.compile("^\\s*-\\s+what:");
    private static final Set<String> FIELDS = Set.of("what", "source", "quote", "reason");

    public ExcludedMentions {
        byCategory = Collections.unmodifiableSortedMap(new TreeMap<>(byCategory));
    }

    public long total() {
        return byCategory.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @throws IllegalArgumentException naming the file, entry and field, when an entry is malformed */
    public static ExcludedMentions read(final Path file) {
        Objects.requireNonNull(file, "file");
        final List<CuratedYaml.Entry> entries = CuratedYaml.read(file).entries("excluded");
        for (final CuratedYaml.Entry entry : entries) {
            entry.allowing(FIELDS);
            FIELDS.forEach(entry::required);
        }
        final SortedMap<String, Long> byCategory = new TreeMap<>();
        String category = UNCATEGORISED;
        try {
            for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                final Matcher heading = HEADING.matcher(line);
                if (heading.matches()) {
                    category = heading.group(1);
                } else if (ENTRY.matcher(line).find()) {
                    byCategory.merge(category, 1L, Long::sum);
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        final long counted = byCategory.values().stream().mapToLong(Long::longValue).sum();
        if (counted != entries.size()) {
            throw new IllegalArgumentException(file + ": " + entries.size() + " entries, but " + counted
                    + " start with a '- what:' line; write each entry in block style, 'what' first");
        }
        return new ExcludedMentions(byCategory);
    }
}
