package eu.partnershiptracker.query;

import eu.partnershiptracker.model.EventEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The answers of the query layer, shaped as docs/API.md describes them. */
public final class Answers {

    private Answers() {
    }

    /** {@code GET /api/partnerships}. */
    public record PartnershipList(LocalDate asOf, int count, List<PartnershipView> items) {

        public PartnershipList {
            items = List.copyOf(items);
        }

        public static PartnershipList of(final LocalDate asOf, final List<PartnershipView> items) {
            return new PartnershipList(asOf, items.size(), items);
        }
    }

    /** {@code GET /api/partnerships/{actor}/{counterpart}/history}. */
    public record History(String key, List<EventEntry> events, List<StepView> steps) {

        public History {
            Objects.requireNonNull(key, "key");
            events = List.copyOf(events);
            steps = List.copyOf(steps);
        }
    }

    /** {@code GET /api/changes}. */
    public record ChangeList(LocalDate from, LocalDate to, int count, List<StepView> items) {

        public ChangeList {
            items = List.copyOf(items);
        }

        public static ChangeList of(final LocalDate from, final LocalDate to, final List<StepView> items) {
            return new ChangeList(from, to, items.size(), items);
        }
    }

    /** {@code GET /api/stats}: partnerships, and their instruments counted by actor, type and status. */
    public record Stats(LocalDate asOf, int partnerships, Map<String, Integer> byActor,
            Map<String, Integer> byInstrument, Map<String, Integer> byStatus) {
    }

    /** {@code GET /api/stats/timeline}. */
    public record StatsTimeline(List<YearPoint> points) {

        public StatsTimeline {
            points = List.copyOf(points);
        }
    }

    /** How many instruments had been signed, and had entered into force, by the end of a year. */
    public record YearPoint(int year, int signed, int inForce) {
    }
}
