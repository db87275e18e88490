package eu.partnershiptracker.quality;

import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.query.CertaintyFilter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * data/checks/figures.yaml: the figures the record must reproduce, and how many stated figures it cannot (each listed
 * there with its reason).
 */
public record FigureList(List<Figure> figures, int unreproducible) {

    public FigureList {
        figures = List.copyOf(figures);
    }

    private static final Set<String> FIGURE_FIELDS = Set.of("id", "source", "quote", "count", "expected", "notes");
    private static final Set<String> COUNT_FIELDS = Set.of("query", "actor", "counterpart", "instrument", "key",
            "statuses", "since", "kinds", "from", "asOf", "certainty");
    private static final Set<String> UNREPRODUCIBLE_FIELDS = Set.of("id", "source", "quote", "reason");

    /** @throws IllegalArgumentException naming the entry and field, when an entry is malformed */
    public static FigureList read(final Path file) {
        final CuratedYaml yaml = CuratedYaml.read(file);
        final List<Figure> figures = yaml.entries("figures").stream().map(FigureList::figure).toList();
        final List<CuratedYaml.Entry> unreproducible = yaml.entries("unreproducible");
        unreproducible.forEach(entry -> {
            entry.allowing(UNREPRODUCIBLE_FIELDS).required("id");
            entry.required("reason");
        });
        final HashSet<String> ids = new HashSet<>();
        figures.stream().filter(figure -> !ids.add(figure.id())).findFirst().ifPresent(figure -> {
            throw new IllegalArgumentException(file + ": figure id '" + figure.id() + "' is used twice");
        });
        return new FigureList(figures, unreproducible.size());
    }

    private static Figure figure(final CuratedYaml.Entry entry) {
        entry.allowing(FIGURE_FIELDS);
        final CuratedYaml.Entry count = entry.child("count").allowing(COUNT_FIELDS);
        return new Figure(
                entry.required("id"),
                entry.required("source"),
                entry.required("quote"),
                count(entry, count),
                entry.required("expected", Integer::parseInt));
    }

    private static FigureCount count(final CuratedYaml.Entry entry, final CuratedYaml.Entry count) {
        final FigureCount.Query query = count.optional("query",
                text -> FigureCount.Query.valueOf(text.toUpperCase(Locale.ROOT)));
        final Actor actor = count.optional("actor", Actor::valueOf);
        final InstrumentType instrument = count.optional("instrument", InstrumentType::valueOf);
        final Set<InstrumentStatus> statuses = new HashSet<>(count.list("statuses", InstrumentStatus::valueOf));
        final LocalDate since = count.optional("since", LocalDate::parse);
        final Set<EventKind> kinds = new HashSet<>(count.list("kinds", EventKind::valueOf));
        final LocalDate from = count.optional("from", LocalDate::parse);
        final LocalDate asOf = count.optional("asOf", LocalDate::parse);
        final CertaintyFilter certainty = count.optional("certainty", CertaintyFilter::parse);
        try {
            return new FigureCount(query == null ? FigureCount.Query.PARTNERSHIPS : query, actor,
                    count.optional("counterpart"), instrument, count.optional("key"), statuses, since, kinds, from,
                    asOf, certainty);
        } catch (final IllegalArgumentException e) {
            // The record states which combination is wrong; the entry says where.
            throw entry.problem("count", e.getMessage());
        }
    }
}
