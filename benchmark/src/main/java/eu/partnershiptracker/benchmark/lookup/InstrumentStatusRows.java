package eu.partnershiptracker.benchmark.lookup;

import eu.partnershiptracker.benchmark.postgres.InstrumentStatusRow;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.query.StepView;
import eu.partnershiptracker.query.TimelineQueries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tracker's answers as rows of the PostgreSQL comparison: each partnership's valid-time replay, as the history API
 * gives it, cut into one row per instrument status and the days it held ({@code [validFrom, validTo)}, open at the
 * end). A step counts from the day the tracker places it on (a bounded date at the bound the source states), and an
 * instrument without a key has the empty key. The status is the instrument's certain status.
 */
public final class InstrumentStatusRows {

    private InstrumentStatusRows() {
    }

    /** The rows of every partnership of {@code keys} that the tracker knows. */
    public static List<InstrumentStatusRow> of(final TimelineQueries queries, final List<String> keys) {
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(keys, "keys");
        final List<InstrumentStatusRow> rows = new ArrayList<>();
        for (final String key : keys) {
            queries.history(key, null, null, null).ifPresent(history -> rows.addAll(of(key, history.steps())));
        }
        return rows;
    }

    /** The rows of one partnership from its replay, steps in date order. */
    static List<InstrumentStatusRow> of(final String partnership, final List<StepView> steps) {
        final List<InstrumentStatusRow> rows = new ArrayList<>();
        final Map<String, Open> open = new LinkedHashMap<>();
        for (final StepView step : steps) {
            final LocalDate day = step.date().getDate();
            final Map<String, InstrumentState> now = new LinkedHashMap<>();
            step.state().instruments().forEach(instrument -> now.put(id(instrument), instrument));
            for (final Iterator<Map.Entry<String, Open>> held = open.entrySet().iterator(); held.hasNext(); ) {
                final Map.Entry<String, Open> entry = held.next();
                final InstrumentState current = now.get(entry.getKey());
                if (current == null || current.getStatus() != entry.getValue().state().getStatus()) {
                    rows.add(entry.getValue().until(partnership, day));
                    held.remove();
                }
            }
            now.forEach((id, instrument) -> open.putIfAbsent(id, new Open(instrument, day)));
        }
        open.values().forEach(status -> rows.add(status.until(partnership, null)));
        return rows;
    }

    private static String id(final InstrumentState instrument) {
        return instrument.getType() + "|" + key(instrument);
    }

    private static String key(final InstrumentState instrument) {
        return instrument.getKey() == null ? "" : instrument.getKey();
    }

    /** A status held since a day, not yet superseded. */
    private record Open(InstrumentState state, LocalDate since) {

        /** @param end the day the next status took over; null while it still holds */
        InstrumentStatusRow until(final String partnership, final LocalDate end) {
            return new InstrumentStatusRow(partnership, state.getType().name(), key(state), state.getStatus().name(),
                    since, end == null || end.isAfter(since) ? end : since);
        }
    }
}
