package eu.partnershiptracker.query.http;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.query.Answers;
import eu.partnershiptracker.query.PartnershipFilter;
import eu.partnershiptracker.query.PartnershipView;
import eu.partnershiptracker.query.TimelineQueries;
import eu.partnershiptracker.query.routing.ClusterRouting;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The query endpoints of docs/API.md: parameters read and checked here, answers from the query layer. Each handler's
 * {@code @OpenApi} is its entry in the OpenAPI description, and the only query parameters {@link Params} lets it read.
 */
final class QueryRoutes {

    private static final String PARTNERSHIPS = "/api/partnerships";
    private static final String PARTNERSHIP = PARTNERSHIPS + "/{actor}/{counterpart}";
    private static final String HISTORY = PARTNERSHIP + "/history";
    private static final String CHANGES = "/api/changes";
    private static final String STATS = "/api/stats";
    private static final String STATS_TIMELINE = STATS + "/timeline";

    private static final String AS_OF = "asOf";
    private static final String ACTOR = "actor";
    private static final String COUNTERPART = "counterpart";
    private static final String INSTRUMENT = "instrument";
    private static final String STATUS = "status";
    private static final String AS_OF_MEANING = "Valid time: the state the events dated on or before this day describe"
            + " (YYYY-MM-DD). Without it, the current state.";
    private static final String FROM_MEANING = "Replay from this day on (YYYY-MM-DD); open when absent.";
    private static final String TO_MEANING = "Replay up to this day (YYYY-MM-DD); open when absent.";

    private final TimelineQueries queries;
    private final ClusterRouting routing;

    QueryRoutes(final TimelineQueries queries, final ClusterRouting routing) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.routing = Objects.requireNonNull(routing, "routing");
    }

    void register(final Javalin app) {
        app.get(PARTNERSHIPS, this::partnerships);
        app.get(PARTNERSHIP, this::partnership);
        app.get(HISTORY, this::history);
        app.get(CHANGES, this::changes);
        app.get(STATS, this::stats);
        app.get(STATS_TIMELINE, this::statsTimeline);
    }

    @OpenApi(path = PARTNERSHIPS, summary = "All partnerships as of a date, optionally filtered",
            queryParams = {
                @OpenApiParam(name = AS_OF, type = LocalDate.class, description = AS_OF_MEANING),
                @OpenApiParam(name = ACTOR, type = Actor.class),
                @OpenApiParam(name = INSTRUMENT, type = InstrumentType.class,
                        description = "Keep partnerships with an instrument of this type (and in 'status', if given)."),
                @OpenApiParam(name = STATUS, type = InstrumentStatus.class,
                        description = "Keep partnerships with an instrument in this status (and of 'instrument', if"
                                + " given).")},
            responses = {
                @OpenApiResponse(status = "200", description = "Sorted by key, without their events",
                        content = @OpenApiContent(from = Answers.PartnershipList.class)),
                @OpenApiResponse(status = "400", description = ApiError.BAD_REQUEST,
                        content = @OpenApiContent(from = ApiError.class)),
                @OpenApiResponse(status = "503", description = ApiError.UNAVAILABLE,
                        content = @OpenApiContent(from = ApiError.class))})
    private void partnerships(final Context ctx) {
        final LocalDate asOf = Params.date(ctx, AS_OF);
        final PartnershipFilter filter = new PartnershipFilter(Params.choice(ctx, ACTOR, Actor.class),
                Params.choice(ctx, INSTRUMENT, InstrumentType.class),
                Params.choice(ctx, STATUS, InstrumentStatus.class));
        routing.answerForAll(ctx, () -> queries.partnerships(asOf, filter), Answers.PartnershipList.class,
                Answers.PartnershipList::merge);
    }

    @OpenApi(path = PARTNERSHIP, summary = "One partnership as of a date, with its timeline",
            pathParams = {
                @OpenApiParam(name = ACTOR, type = Actor.class, required = true, example = "EU"),
                @OpenApiParam(name = COUNTERPART, required = true, example = "JP")},
            queryParams = @OpenApiParam(name = AS_OF, type = LocalDate.class, description = AS_OF_MEANING),
            responses = {
                @OpenApiResponse(status = "200", description = "The partnership with its events (up to asOf)",
                        content = @OpenApiContent(from = PartnershipView.class)),
                @OpenApiResponse(status = "400", description = ApiError.BAD_REQUEST,
                        content = @OpenApiContent(from = ApiError.class)),
                @OpenApiResponse(status = "404", description = "No such partnership, or none yet as of that date",
                        content = @OpenApiContent(from = ApiError.class)),
                @OpenApiResponse(status = "503", description = ApiError.UNAVAILABLE,
                        content = @OpenApiContent(from = ApiError.class))})
    private void partnership(final Context ctx) {
        final String key = key(ctx);
        final LocalDate asOf = Params.date(ctx, AS_OF);
        routing.answerForKey(ctx, key, () -> queries.partnership(key, asOf).orElseThrow(() -> ApiException.notFound(
                "no partnership " + key + (asOf == null ? "" : " as of " + asOf))));
    }

    @OpenApi(path = HISTORY, summary = "Every event ever recorded for a partnership, and its valid-time replay",
            pathParams = {
                @OpenApiParam(name = ACTOR, type = Actor.class, required = true, example = "EU"),
                @OpenApiParam(name = COUNTERPART, required = true, example = "JP")},
            queryParams = {
                @OpenApiParam(name = Params.FROM, type = LocalDate.class, description = FROM_MEANING),
                @OpenApiParam(name = Params.TO, type = LocalDate.class, description = TO_MEANING)},
            responses = {
                @OpenApiResponse(status = "200", description = "Events with their audit trail, and the replay's steps",
                        content = @OpenApiContent(from = Answers.History.class)),
                @OpenApiResponse(status = "400", description = ApiError.BAD_REQUEST,
                        content = @OpenApiContent(from = ApiError.class)),
                @OpenApiResponse(status = "404", description = "No such partnership",
                        content = @OpenApiContent(from = ApiError.class)),
                @OpenApiResponse(status = "503", description = ApiError.UNAVAILABLE,
                        content = @OpenApiContent(from = ApiError.class))})
    private void history(final Context ctx) {
        final String key = key(ctx);
        final Params.DateRange range = Params.range(ctx);
        routing.answerForKey(ctx, key, () -> queries.history(key, range.from(), range.to())
                .orElseThrow(() -> ApiException.notFound("no partnership " + key)));
    }

    @OpenApi(path = CHANGES, summary = "The replay of all partnerships between two dates, ordered by date, then key",
            queryParams = {
                @OpenApiParam(name = Params.FROM, type = LocalDate.class, description = FROM_MEANING),
                @OpenApiParam(name = Params.TO, type = LocalDate.class, description = TO_MEANING)},
            responses = {
                @OpenApiResponse(status = "200", description = "Steps, each with the key of its partnership",
                        content = @OpenApiContent(from = Answers.ChangeList.class)),
                @OpenApiResponse(status = "400", description = ApiError.BAD_REQUEST,
                        content = @OpenApiContent(from = ApiError.class)),
                @OpenApiResponse(status = "503", description = ApiError.UNAVAILABLE,
                        content = @OpenApiContent(from = ApiError.class))})
    private void changes(final Context ctx) {
        final Params.DateRange range = Params.range(ctx);
        routing.answerForAll(ctx, () -> queries.changes(range.from(), range.to()), Answers.ChangeList.class,
                Answers.ChangeList::merge);
    }

    @OpenApi(path = STATS, summary = "Partnerships, and their instruments counted by actor, type and status",
            queryParams = @OpenApiParam(name = AS_OF, type = LocalDate.class, description = AS_OF_MEANING),
            responses = {
                @OpenApiResponse(status = "200", description = "The counts",
                        content = @OpenApiContent(from = Answers.Stats.class)),
                @OpenApiResponse(status = "400", description = ApiError.BAD_REQUEST,
                        content = @OpenApiContent(from = ApiError.class)),
                @OpenApiResponse(status = "503", description = ApiError.UNAVAILABLE,
                        content = @OpenApiContent(from = ApiError.class))})
    private void stats(final Context ctx) {
        final LocalDate asOf = Params.date(ctx, AS_OF);
        routing.answerForAll(ctx, () -> queries.stats(asOf), Answers.Stats.class, Answers.Stats::merge);
    }

    @OpenApi(path = STATS_TIMELINE,
            summary = "Per year, how many instruments had been signed and had entered into force by its end",
            queryParams = {
                @OpenApiParam(name = ACTOR, type = Actor.class),
                @OpenApiParam(name = INSTRUMENT, type = InstrumentType.class)},
            responses = {
                @OpenApiResponse(status = "200", description = "One point per year, from the first signature or entry"
                        + " into force to the last", content = @OpenApiContent(from = Answers.StatsTimeline.class)),
                @OpenApiResponse(status = "400", description = ApiError.BAD_REQUEST,
                        content = @OpenApiContent(from = ApiError.class)),
                @OpenApiResponse(status = "503", description = ApiError.UNAVAILABLE,
                        content = @OpenApiContent(from = ApiError.class))})
    private void statsTimeline(final Context ctx) {
        final Actor actor = Params.choice(ctx, ACTOR, Actor.class);
        final InstrumentType instrument = Params.choice(ctx, INSTRUMENT, InstrumentType.class);
        routing.answerForAll(ctx, () -> queries.statsTimeline(actor, instrument), Answers.StatsTimeline.class,
                Answers.StatsTimeline::merge);
    }

    private static String key(final Context ctx) {
        try {
            return PartnershipKey.of(ctx.pathParam(ACTOR), ctx.pathParam(COUNTERPART));
        } catch (final IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
