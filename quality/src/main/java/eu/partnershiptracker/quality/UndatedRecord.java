package eu.partnershiptracker.quality;

import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The two lists of data/reference/undated.yaml: {@code undated}, steps that happened but that no seed bounds, and
 * {@code unrealised}, steps a seed announces, expects or reports as declined, which had not happened as of that seed.
 */
public record UndatedRecord(List<UndatedFact> facts, List<UndatedFact> unrealised) {

    public UndatedRecord {
        facts = List.copyOf(facts);
        unrealised = List.copyOf(unrealised);
    }

    /** @throws IllegalArgumentException naming the entry and field, when an entry is malformed */
    public static UndatedRecord read(final Path file) {
        final CuratedYaml yaml = CuratedYaml.read(file);
        return new UndatedRecord(read(yaml, "undated"), read(yaml, "unrealised"));
    }

    private static final Set<String> FIELDS = Set.of("what", "actor", "counterparts", "instrument", "key", "kind",
            "source", "quote", "reason");

    private static List<UndatedFact> read(final CuratedYaml yaml, final String list) {
        return yaml.entries(list).stream().map(entry -> entry.allowing(FIELDS)).map(entry -> new UndatedFact(
                entry.required("what"),
                entry.required("actor", Actor::valueOf),
                counterparts(entry),
                entry.required("instrument", InstrumentType::valueOf),
                entry.optional("key"),
                entry.required("kind", EventKind::valueOf),
                entry.required("source"),
                entry.required("quote"),
                entry.required("reason"))).toList();
    }

    private static List<String> counterparts(final CuratedYaml.Entry entry) {
        final List<String> counterparts = entry.list("counterparts", String::strip);
        if (counterparts.isEmpty()) {
            throw entry.problem("counterparts", "must list at least one counterpart");
        }
        return counterparts;
    }
}
