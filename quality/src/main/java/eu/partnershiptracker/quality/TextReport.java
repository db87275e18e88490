package eu.partnershiptracker.quality;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.model.Claim;
import eu.partnershiptracker.model.Conflict;
import java.util.Map;
import java.util.Objects;

/**
 * The quality report as plain text for a terminal and for docs/DATA.md. It names no path and no time, so that the
 * same data always gives the same text and a stale copy in the docs can be detected.
 */
public final class TextReport {

    private TextReport() {
    }

    public static String render(final QualityReport report) {
        Objects.requireNonNull(report, "report");
        final StringBuilder text = new StringBuilder();
        text.append("Events: ").append(report.events()).append('\n')
                .append("Bounded events: ").append(report.boundedEvents())
                .append(" (dates known only by bounds; precision BOUNDS below)").append('\n');
        table(text, "By actor", report.byActor());
        table(text, "By instrument", report.byInstrument());
        table(text, "By year (exact dates)", report.byYear());
        table(text, "By precision", report.byPrecision());
        conflicts(text, report);
        text.append('\n').append("Undated facts: ").append(report.undatedFacts())
                .append(" (not events; listed in data/reference/undated.yaml)").append('\n')
                .append("Unrealised steps: ").append(report.unrealisedSteps())
                .append(" (announced, expected or declined; same file)").append('\n');
        text.append('\n').append("Excluded mentions: ").append(report.excluded().total())
                .append(" (dated, deliberately not events; data/reference/excluded.yaml), by reason").append('\n');
        report.excluded().byCategory().forEach((reason, count) ->
                text.append(String.format("  %4d  %s\n", count, reason)));
        figures(text, report);
        return text.toString();
    }

    private static void table(final StringBuilder text, final String title, final Map<?, Long> counts) {
        text.append('\n').append(title).append('\n');
        counts.forEach((key, count) -> text.append(String.format("  %-28s %4d\n", key, count)));
    }

    private static void conflicts(final StringBuilder text, final QualityReport report) {
        text.append('\n').append("Conflicts: ").append(report.conflicts().size())
                .append(" (every claim is kept; the rule chooses one)").append('\n');
        report.conflictsByType().forEach((type, count) -> text.append(String.format("  %-28s %4d\n", type, count)));
        for (final PartnershipTimelines.PartnershipConflict each : report.conflicts()) {
            final Conflict conflict = each.conflict();
            text.append("  ").append(each.partnership()).append(' ').append(conflict.getInstrument())
                    .append(conflict.getInstrumentKey() == null ? "" : " " + conflict.getInstrumentKey())
                    .append(' ').append(conflict.getKind()).append(" (").append(conflict.getType()).append(")\n");
            for (final Claim claim : conflict.getClaims()) {
                final String role = claim.getEventId().equals(conflict.getChosenEventId()) ? "chosen" : "claim";
                text.append(String.format("    %-7s %-54s %-11s %s\n", role, claim.getEventId(),
                        DateClaim.of(claim).map(DateClaim::format).orElse("(order)"), claim.getSource()));
            }
        }
    }

    private static void figures(final StringBuilder text, final QualityReport report) {
        final int reproduced = report.figures().size() - report.failingFigures().size();
        text.append('\n').append("Figures: ").append(reproduced).append(" of ").append(report.figures().size())
                .append(" reproduced through the API's queries; ").append(report.unreproducibleFigures())
                .append(" more stated figures are unreproducible (reasons in data/checks/figures.yaml)").append('\n');
        for (final FigureCheck.Result result : report.figures()) {
            text.append(String.format("  %-4s %-44s expected %3d, counted %3d  %s\n", result.reproduced() ? "ok" : "FAIL",
                    result.figure().id(), result.figure().expected(), result.actual(), result.figure().count().asked()));
        }
    }
}
