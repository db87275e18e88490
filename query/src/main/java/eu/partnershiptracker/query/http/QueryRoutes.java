package eu.partnershiptracker.query.http;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.query.Answers;
import eu.partnershiptracker.query.PartnershipFilter;
import eu.partnershiptracker.query.TimelineQueries;
import eu.partnershiptracker.query.routing.ClusterRouting;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Objects;

/** The query endpoints of docs/API.md: parameters read and checked here, answers from the query layer. */
final class QueryRoutes {

    private final TimelineQueries queries;
    private final ClusterRouting routing;

    QueryRoutes(final TimelineQueries queries, final ClusterRouting routing) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.routing = Objects.requireNonNull(routing, "routing");
    }

    void register(final Javalin app) {
        app.get("/api/partnerships", this::partnerships);
        app.get("/api/partnerships/{actor}/{counterpart}", this::partnership);
        app.get("/api/partnerships/{actor}/{counterpart}/history", this::history);
        app.get("/api/changes", this::changes);
        app.get("/api/stats", this::stats);
        app.get("/api/stats/timeline", this::statsTimeline);
    }

    private void partnerships(final Context ctx) {
        final LocalDate asOf = Params.date(ctx, "asOf");
        final PartnershipFilter filter = new PartnershipFilter(Params.choice(ctx, "actor", Actor.class),
                Params.choice(ctx, "instrument", InstrumentType.class),
                Params.choice(ctx, "status", InstrumentStatus.class));
        routing.answerForAll(ctx, () -> queries.partnerships(asOf, filter), Answers.PartnershipList.class,
                Answers.PartnershipList::merge);
    }

    private void partnership(final Context ctx) {
        final String key = key(ctx);
        final LocalDate asOf = Params.date(ctx, "asOf");
        routing.answerForKey(ctx, key, () -> queries.partnership(key, asOf).orElseThrow(() -> ApiException.notFound(
                "no partnership " + key + (asOf == null ? "" : " as of " + asOf))));
    }

    private void history(final Context ctx) {
        final String key = key(ctx);
        final Params.DateRange range = Params.range(ctx);
        routing.answerForKey(ctx, key, () -> queries.history(key, range.from(), range.to())
                .orElseThrow(() -> ApiException.notFound("no partnership " + key)));
    }

    private void changes(final Context ctx) {
        final Params.DateRange range = Params.range(ctx);
        routing.answerForAll(ctx, () -> queries.changes(range.from(), range.to()), Answers.ChangeList.class,
                Answers.ChangeList::merge);
    }

    private void stats(final Context ctx) {
        final LocalDate asOf = Params.date(ctx, "asOf");
        routing.answerForAll(ctx, () -> queries.stats(asOf), Answers.Stats.class, Answers.Stats::merge);
    }

    private void statsTimeline(final Context ctx) {
        final Actor actor = Params.choice(ctx, "actor", Actor.class);
        final InstrumentType instrument = Params.choice(ctx, "instrument", InstrumentType.class);
        routing.answerForAll(ctx, () -> queries.statsTimeline(actor, instrument), Answers.StatsTimeline.class,
                Answers.StatsTimeline::merge);
    }

    private static String key(final Context ctx) {
        try {
            return PartnershipKey.of(ctx.pathParam("actor"), ctx.pathParam("counterpart"));
        } catch (final IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
