package eu.partnershiptracker.query.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.partnershiptracker.query.LocalStore;
import eu.partnershiptracker.query.MetadataService;
import eu.partnershiptracker.query.QueryUnavailableException;
import eu.partnershiptracker.query.health.HealthChecks;
import eu.partnershiptracker.query.health.HealthReport;
import eu.partnershiptracker.query.routing.ClusterRouting;
import eu.partnershiptracker.query.routing.InstanceClient;
import eu.partnershiptracker.streams.PartnershipIndexes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.util.JavalinBindException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the tracker: the query API, the change stream, health, metrics, the OpenAPI description and the
 * dashboard, on Javalin. It only reads; the streams application it serves is started and stopped by its owner.
 */
public final class ApiServer implements AutoCloseable {

    /**
     * How the server is set up.
     *
     * @param changeWindow how many of the latest changes of each partition the change stream keeps in memory for
     *                     clients that resume; a client resuming from further back is caught up from the topic
     */
    public record Settings(String host, int port, HostInfo self, Map<String, Object> clientProperties,
            Map<String, Object> registryConfig, String changesTopic, Duration forwardTimeout, int changeWindow) {

        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(self, "self");
            clientProperties = Map.copyOf(Objects.requireNonNull(clientProperties, "clientProperties"));
            registryConfig = Map.copyOf(Objects.requireNonNull(registryConfig, "registryConfig"));
            Objects.requireNonNull(changesTopic, "changesTopic");
            Objects.requireNonNull(forwardTimeout, "forwardTimeout");
        }
    }

    /** The HTTP port is taken. */
    public static final class PortInUseException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        PortInUseException(final String message, final Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Where the OpenAPI description is served. The annotation processor writes it at compile time from the
     * {@code @OpenApi} annotations on the handlers (this one documents the document itself).
     */
    @OpenApi(path = ApiServer.OPENAPI_PATH, summary = "This API as an OpenAPI 3 document",
            responses = @OpenApiResponse(status = "200", description = "OpenAPI 3.0",
                    content = @OpenApiContent(mimeType = "application/json", type = "object")))
    private static final String OPENAPI_PATH = "/api/openapi.json";
    private static final String HEALTH_PATH = "/health";
    private static final String LIVE_PATH = HEALTH_PATH + "/live";
    private static final String READY_PATH = HEALTH_PATH + "/ready";
    private static final String QUERIES = "/api/*";
    private static final String READY_DESCRIPTION = "UP: the streams application is RUNNING, and the broker and the"
            + " registry answered their latest probe (every 2 s)";
    private static final String NOT_READY_DESCRIPTION = "DOWN: the streams application is not RUNNING (starting,"
            + " REBALANCING, stopped, failed), or the broker or the registry cannot be reached; each check says which."
            + " Queries still answer, marked " + InstanceClient.STALE_HEADER + ": true";
    private static final String DASHBOARD_DIRECTORY = "/web";
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final Javalin app;
    private final ApiMetrics metrics;
    private final ChangeBroadcaster changes;
    private final List<String> routes;

    private ApiServer(final Javalin app, final ApiMetrics metrics, final ChangeBroadcaster changes,
            final List<String> routes) {
        this.app = app;
        this.metrics = metrics;
        this.changes = changes;
        this.routes = routes;
    }

    /**
     * Binds the port and starts serving; queries answer 503 until the streams application is RUNNING, and are marked
     * possibly stale while {@code health} says the instance is not ready.
     *
     * @param indexes where the streams application's topology publishes its indexes, which queries read
     */
    public static ApiServer start(final KafkaStreams streams, final PartnershipIndexes indexes,
            final Settings settings, final HealthChecks health) {
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(indexes, "indexes");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(health, "health");
        final ObjectMapper mapper = JsonMapping.create();
        final ApiMetrics metrics = new ApiMetrics();
        final List<String> routes = new ArrayList<>();
        final Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.events.handlerAdded(handler -> {
                if (handler.getHttpMethod().isHttpMethod()) {
                    routes.add(handler.getHttpMethod().name() + " " + handler.getPath());
                }
            });
            config.registerPlugin(metrics.requestTiming());
            config.registerPlugin(new OpenApiPlugin(openApi -> openApi.withDocumentationPath(OPENAPI_PATH)));
            if (ApiServer.class.getResource(DASHBOARD_DIRECTORY) != null) {
                config.staticFiles.add(files -> {
                    files.hostedPath = "/";
                    files.directory = DASHBOARD_DIRECTORY;
                    files.location = Location.CLASSPATH;
                });
            }
        });
        final ChangeRenderer renderer = new ChangeRenderer(settings.registryConfig(), mapper, metrics.registry());
        final ChangeWindow window = new ChangeWindow(settings.changeWindow());
        final ChangeBroadcaster changes = new ChangeBroadcaster(settings.clientProperties(), settings.changesTopic(),
                renderer, window);
        final ChangeStream changeStream = new ChangeStream(window,
                new ChangeCatchUp(settings.clientProperties(), settings.changesTopic(), renderer), metrics.registry());
        final ClusterRouting routing = new ClusterRouting(new MetadataService(streams, settings.self()),
                new LocalStore(streams, indexes),
                new InstanceClient(settings.forwardTimeout()), mapper);
        metrics.register(app);
        app.before(QUERIES, ctx -> markStale(ctx, health));
        new QueryRoutes(routing).register(app);
        app.before(ChangeStream.PATH, ChangeStream::checkLastEventId);
        app.sse(ChangeStream.PATH, changeStream);
        app.get(HEALTH_PATH, ctx -> health(ctx, health));
        app.get(LIVE_PATH, ctx -> live(ctx, health));
        app.get(READY_PATH, ctx -> ready(ctx, health));
        mapErrors(app);
        try {
            app.start(settings.host(), settings.port());
        } catch (final JavalinBindException e) {
            throw new PortInUseException("HTTP port " + settings.port() + " on " + settings.host()
                    + " is already in use", e);
        }
        changes.start();
        return new ApiServer(app, metrics, changes, List.copyOf(routes));
    }

    public int port() {
        return app.port();
    }

    /** Every route as "METHOD path", in the order they were registered. */
    public List<String> routes() {
        return routes;
    }

    /** Adds the streams application's metrics to /metrics; call once it runs. */
    public void bindMetrics(final KafkaStreams streams) {
        metrics.bind(streams);
    }

    @Override
    public void close() {
        changes.close();
        app.stop();
        metrics.close();
    }

    @OpenApi(path = HEALTH_PATH, summary = "Readiness, as /health/ready (kept for the clients of the first /health)",
            responses = {
                @OpenApiResponse(status = "200", description = READY_DESCRIPTION,
                        content = @OpenApiContent(from = HealthReport.class)),
                @OpenApiResponse(status = "503", description = NOT_READY_DESCRIPTION,
                        content = @OpenApiContent(from = HealthReport.class))})
    private static void health(final Context ctx, final HealthChecks health) {
        answer(ctx, health.readiness());
    }

    @OpenApi(path = READY_PATH, summary = "Whether this instance is ready: its answers are current",
            responses = {
                @OpenApiResponse(status = "200", description = READY_DESCRIPTION,
                        content = @OpenApiContent(from = HealthReport.class)),
                @OpenApiResponse(status = "503", description = NOT_READY_DESCRIPTION,
                        content = @OpenApiContent(from = HealthReport.class))})
    private static void ready(final Context ctx, final HealthChecks health) {
        answer(ctx, health.readiness());
    }

    @OpenApi(path = LIVE_PATH, summary = "Whether this instance is alive: only a restart helps when it is not",
            responses = {
                @OpenApiResponse(status = "200", description = "UP: the streams application has not failed (it may"
                        + " be starting, rebalancing or waiting for the broker)",
                        content = @OpenApiContent(from = HealthReport.class)),
                @OpenApiResponse(status = "503", description = "DOWN: the streams application failed (ERROR or"
                        + " PENDING_ERROR)",
                        content = @OpenApiContent(from = HealthReport.class))})
    private static void live(final Context ctx, final HealthChecks health) {
        answer(ctx, health.liveness());
    }

    private static void answer(final Context ctx, final HealthReport report) {
        ctx.status(report.healthy() ? 200 : 503).json(report);
    }

    /** Marks answers of the queries, not of the document describing them. */
    private static void markStale(final Context ctx, final HealthChecks health) {
        if (!ctx.path().equals(OPENAPI_PATH) && !health.readiness().healthy()) {
            ctx.header(InstanceClient.STALE_HEADER, "true");
        }
    }

    private static void mapErrors(final Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(QueryUnavailableException.class, (e, ctx) -> error(ctx, 503, e.getMessage()));
        app.exception(InvalidStateStoreException.class, (e, ctx) -> error(ctx, 503,
                "the partnership store moved while it was read (" + e.getMessage() + "); retry in a moment"));
        app.exception(Exception.class, (e, ctx) -> {
            // The details stay in the log: exception texts can name internals that are no business of the caller.
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error; the tracker's log has the details");
        });
    }

    private static void error(final Context ctx, final int status, final String message) {
        ctx.status(status).json(new ApiError(status, message));
    }
}
