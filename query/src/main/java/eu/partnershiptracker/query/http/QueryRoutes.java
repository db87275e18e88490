package eu.partnershiptracker.query.http;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.query.Answers;
import eu.partnershiptracker.query.CertaintyFilter;
import eu.partnershiptracker.query.PartnershipFilter;
import eu.partnershiptracker.query.PartnershipView;
import eu.partnershiptracker.query.QueryTime;
import eu.partnershiptracker.query.routing.ClusterRouting;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import java.time.Instant;
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
    private static final String KNOWN_AT = "knownAt";
    private static final String CERTAINTY = "certainty";
    private static final String EVENTS = "events";
    private static final String AS_OF_MEANING = "Valid time: the state the events dated on or before this day describe"
            + " (YYYY-MM-DD; YYYY or YYYY-MM mean the last day of that year or month). Without it, the current state.";
    private static final String KNOWN_AT_MEANING = "Transaction time: answer from only the events recorded up to this"
            + " instant, as the tracker would have answered then (ISO-8601 such as 2025-01-31T12:00:00Z; YYYY,"
            + " YYYY-MM or YYYY-MM-DD mean the end of that period in UTC). Without it, everything recorded.";
    private static final String CERTAINTY_MEANING = "CERTAIN (default): status filters and counts take only steps"
            + " that had certainly happened; ANY (any case): also steps known by bounds that had possibly happened.";
    private static final String FROM_MEANING = "Replay from this day on (YYYY-MM-DD; YYYY or YYYY-MM from the first day"
            + " of that year or month); open when absent.";
    private static final String TO_MEANING = "Replay up to this day (YYYY-MM-DD; YYYY or YYYY-MM up to the last day of"
            + " that year or month); open when absent.";

    private final ClusterRouting routing;

    QueryRoutes(final ClusterRouting routing) {
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
                @OpenApiParam(name = AS_OF, example = "2024-06", description = AS_OF_MEANING),
                @OpenApiParam(name = KNOWN_AT, type = Instant.class, description = KNOWN_AT_MEANING),
                @OpenApiParam(name = ACTOR, type = Actor.class),
                @OpenApiParam(name = INSTRUMENT, type = InstrumentType.class,
                        description = "Keep partnerships with an instrument of this type (and in 'status', if given)."),
                @OpenApiParam(name = STATUS, type = InstrumentStatus.class,
                        description = "Keep partnerships with an instrument in this status (and of 'instrument', if"
                                + " given); a possible status counts only with certainty=ANY."),
                @OpenApiParam(name = CERTAINTY, type = CertaintyFilter.class, description = CERTAINTY_MEANING)},
            responses = {
                @OpenApiResponse(status = "200", description = "Sorted by key, without their events",
                        content = @OpenApiContent(from = Answers.PartnershipList.class)),
                @OpenApiResponse(status = "400", description = ApiError.BAD_REQUEST,
                        content = @OpenApiContent(from = ApiError.class)),
                @OpenApiResponse(status = "503", description = ApiError.UNAVAILABLE,
                        content = @OpenApiContent(from = ApiError.class))})
    private void partnerships(final Context ctx) {
        final QueryTime time = time(ctx);
        final PartnershipFilter filter = new PartnershipFilter(Params.choice(ctx, ACTOR, Actor.class),
                Params.choice(ctx, INSTRUMENT, InstrumentType.class),
                Params.choice(ctx, STATUS, InstrumentStatus.class), Params.certainty(ctx, CERTAINTY));
        routing.answerForAll(ctx, queries -> queries.partnerships(time, filter), Answers.PartnershipList.class,
                Answers.PartnershipList::merge);
    }

    @OpenApi(path = PARTNERSHIP, summary = "One partnership as of a date, with its timeline unless events=false",
            pathParams = {
                @OpenApiParam(name = ACTOR, type = Actor.class, required = true, example = "EU"),
                @OpenApiParam(name = COUNTERPART, required = true, example = "JP")},
            queryParams = {
                @OpenApiParam(name = AS_OF, example = "2024-06", description = AS_OF_MEANING),
                @OpenApiParam(name = KNOWN_AT, type = Instant.class, description = KNOWN_AT_MEANING),
                @OpenApiParam(name = EVENTS, type = Boolean.class, example = "false",
                        description = "true (default): the partnership with its events; false: without them, as an"
                                + " item of /api/partnerships (its instrument statuses and conflicts), which the"
                                + " index answers without reading any event.")},
            responses = {
                @OpenApiResponse(status = "200", description = "The partnership with its events (up to asOf, recorded"
                        + " up to knownAt), or with events=false without them",
                        content = @OpenApiContent(from = PartnershipView.class)),
                @OpenApiResponse(status = "400", description = ApiError.BAD_REQUEST,
                        content = @OpenApiContent(from = ApiError.class)),
                @OpenApiResponse(status = "404", description = "No such partnership, or none yet as of that date or"
                        + " known at that instant",
                        content = @OpenApiContent(from = ApiError.class)),
                @OpenApiResponse(status = "503", description = ApiError.UNAVAILABLE,
                        content = @OpenApiContent(from = ApiError.class))})
    private void partnership(final Context ctx) {
        final String key = key(ctx);
        final QueryTime time = time(ctx);
        final boolean events = Params.flag(ctx, EVENTS, true);
        // The query string travels with a forwarded request, so the owner reads the same events flag.
        routing.answerForKey(ctx, key, queries -> (events ? queries.partnership(key, time)
                : queries.summary(key, time)).orElseThrow(() -> ApiException.notFound(
                "no partnership " + key + (time.asOf() == null ? "" : " as of " + time.asOf())
                        + (time.knownAt() == null ? "" : " known at " + time.knownAt()))));
    }

    @OpenApi(path = HISTORY, summary = "Every event ever recorded for a partnership, and its valid-time replay",
            pathParams = {
                @OpenApiParam(name = ACTOR, type = Actor.class, required = true, example = "EU"),
                @OpenApiParam(name = COUNTERPART, required = true, example = "JP")},
            queryParams = {
                @OpenApiParam(name = Params.FROM, example = "2023", description = FROM_MEANING),
                @OpenApiParam(name = Params.TO, example = "2024-06-30", description = TO_MEANING),
                @OpenApiParam(name = KNOWN_AT, type = Instant.class, description = KNOWN_AT_MEANING)},
            responses = {
                @OpenApiResponse(status = "200", description = "Events with their audit trail, and the replay's steps",
                        content = @OpenApiContent(from = Answers.History.class)),
                @OpenApiResponse(status = "400", description = ApiError.BAD_REQUEST,
                        content = @OpenApiContent(from = ApiError.class)),
                @OpenApiResponse(status = "404", description = "No such partnership (known at that instant)",
                        content = @OpenApiContent(from = ApiError.class)),
                @OpenApiResponse(status = "503", description = ApiError.UNAVAILABLE,
                        content = @OpenApiContent(from = ApiError.class))})
    private void history(final Context ctx) {
        final String key = key(ctx);
        final Params.DateRange range = Params.range(ctx);
        final Instant knownAt = Params.knownAt(ctx, KNOWN_AT);
        routing.answerForKey(ctx, key, queries -> queries.history(key, range.from(), range.to(), knownAt)
                .orElseThrow(() -> ApiException.notFound("no partnership " + key
                        + (knownAt == null ? "" : " known at " + knownAt))));
    }

    @OpenApi(path = CHANGES, summary = "The replay of all partnerships between two dates, ordered by date, then key",
            queryParams = {
                @OpenApiParam(name = Params.FROM, example = "2023", description = FROM_MEANING),
                @OpenApiParam(name = Params.TO, example = "2024-06-30", description = TO_MEANING),
                @OpenApiParam(name = KNOWN_AT, type = Instant.class, description = KNOWN_AT_MEANING)},
            responses = {
                @OpenApiResponse(status = "200", description = "Steps, each with the key of its partnership",
                        content = @OpenApiContent(from = Answers.ChangeList.class)),
                @OpenApiResponse(status = "400", description = ApiError.BAD_REQUEST,
                        content = @OpenApiContent(from = ApiError.class)),
                @OpenApiResponse(status = "503", description = ApiError.UNAVAILABLE,
                        content = @OpenApiContent(from = ApiError.class))})
    private void changes(final Context ctx) {
        final Params.DateRange range = Params.range(ctx);
        final Instant knownAt = Params.knownAt(ctx, KNOWN_AT);
        routing.answerForAll(ctx, queries -> queries.changes(range.from(), range.to(), knownAt), Answers.ChangeList.class,
                Answers.ChangeList::merge);
    }

    @OpenApi(path = STATS, summary = "Partnerships, and their instruments counted by actor, type, status and certainty",
            queryParams = {
                @OpenApiParam(name = AS_OF, example = "2024-06", description = AS_OF_MEANING),
                @OpenApiParam(name = KNOWN_AT, type = Instant.class, description = KNOWN_AT_MEANING),
                @OpenApiParam(name = CERTAINTY, type = CertaintyFilter.class, description = CERTAINTY_MEANING)},
            responses = {
                @OpenApiResponse(status = "200", description = "The counts",
                        content = @OpenApiContent(from = Answers.Stats.class)),
                @OpenApiResponse(status = "400", description = ApiError.BAD_REQUEST,
                        content = @OpenApiContent(from = ApiError.class)),
                @OpenApiResponse(status = "503", description = ApiError.UNAVAILABLE,
                        content = @OpenApiContent(from = ApiError.class))})
    private void stats(final Context ctx) {
        final QueryTime time = time(ctx);
        final CertaintyFilter certainty = Params.certainty(ctx, CERTAINTY);
        routing.answerForAll(ctx, queries -> queries.stats(time, certainty), Answers.Stats.class, Answers.Stats::merge);
    }

    @OpenApi(path = STATS_TIMELINE,
            summary = "Per year, how many instruments had been signed and had entered into force by its end",
            queryParams = {
                @OpenApiParam(name = ACTOR, type = Actor.class),
                @OpenApiParam(name = INSTRUMENT, type = InstrumentType.class),
                @OpenApiParam(name = CERTAINTY, type = CertaintyFilter.class, description = CERTAINTY_MEANING),
                @OpenApiParam(name = KNOWN_AT, type = Instant.class, description = KNOWN_AT_MEANING)},
            responses = {
                @OpenApiResponse(status = "200", description = "One point per year, from the first signature or entry"
                        + " into force to the last change",
                        content = @OpenApiContent(from = Answers.StatsTimeline.class)),
                @OpenApiResponse(status = "400", description = ApiError.BAD_REQUEST,
                        content = @OpenApiContent(from = ApiError.class)),
                @OpenApiResponse(status = "503", description = ApiError.UNAVAILABLE,
                        content = @OpenApiContent(from = ApiError.class))})
    private void statsTimeline(final Context ctx) {
        final Actor actor = Params.choice(ctx, ACTOR, Actor.class);
        final InstrumentType instrument = Params.choice(ctx, INSTRUMENT, InstrumentType.class);
        final CertaintyFilter certainty = Params.certainty(ctx, CERTAINTY);
        final Instant knownAt = Params.knownAt(ctx, KNOWN_AT);
        routing.answerForAll(ctx, queries -> queries.statsTimeline(actor, instrument, certainty, knownAt),
                Answers.StatsTimeline.class, Answers.StatsTimeline::merge);
    }

    private static QueryTime time(final Context ctx) {
        return new QueryTime(Params.asOf(ctx, AS_OF), Params.knownAt(ctx, KNOWN_AT));
    }

    private static String key(final Context ctx) {
        try {
            return PartnershipKey.of(ctx.pathParam(ACTOR), ctx.pathParam(COUNTERPART));
        } catch (final IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
