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
        text.append("Events: ").append(report.events()).append('\n');
        table(text, "By actor", report.byActor());
        table(text, "By instrument", report.byInstrument());
        table(text, "By year (exact dates)", report.byYear());
        table(text, "By precision", report.byPrecision());
        conflicts(text, report);
        text.append('\n').append("Undated facts: ").append(report.undatedFacts())
                .append(" (not events; listed in data/reference/undated.yaml)").append('\n')
                .append("Unrealised steps: ").append(report.unrealisedSteps())
                .append(" (announced, expected or declined; same file)").append('\n');
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
                .append(" reproduced; ").append(report.unreproducibleFigures())
                .append(" more stated figures are unreproducible (reasons in data/checks/figures.yaml)").append('\n');
        for (final FigureCheck.Result result : report.figures()) {
            text.append(String.format("  %-4s %-44s expected %3d, counted %3d\n", result.reproduced() ? "ok" : "FAIL",
                    result.figure().id(), result.figure().expected(), result.actual()));
        }
    }
}
