package eu.partnershiptracker.query.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.micrometer.MicrometerPlugin;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code GET /metrics} in Prometheus text: JVM and process metrics, the timing of every HTTP request and Jetty's
 * threads and connections (both from Javalin's Micrometer plugin), every Kafka Streams metric, among them the
 * tracker's own rejected and duplicate record counters, and what other parts of the API register in
 * {@link #registry()}, such as the change stream's open streams and skipped records.
 */
final class ApiMetrics implements AutoCloseable {

    private static final String PATH = "/metrics";

    /**
     * Micrometer's Jetty handler, which the plugin installs, calls its request timer jetty.server.requests and tags it
     * uri, NOT_FOUND for paths no route matches. /metrics is part of the API and has always served
     * http.server.requests tagged route, UNMATCHED, so the timer keeps those names (the plugin's outcome tag is new).
     * Its exception tag goes: the plugin fills it only when it maps exceptions itself, and the API maps its own, so it
     * would always say Unknown.
     */
    private static final MeterFilter HTTP_REQUESTS = new MeterFilter() {
        @Override
        public Meter.Id map(final Meter.Id id) {
            if (!id.getName().equals("jetty.server.requests")) {
                return id;
            }
            return id.withName("http.server.requests").replaceTags(id.getTags().stream()
                    .filter(tag -> !tag.getKey().equals("exception"))
                    .map(tag -> tag.getKey().equals("uri")
                            ? Tag.of("route", tag.getValue().equals("NOT_FOUND") ? "UNMATCHED" : tag.getValue())
                            : tag)
                    .toList());
        }
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private KafkaStreamsMetrics streamsMetrics;

    ApiMetrics() {
        registry.config().meterFilter(HTTP_REQUESTS);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    /** Where the API's own meters go, to be served with the rest. */
    MeterRegistry registry() {
        return registry;
    }

    /**
     * Times every request as {@code http.server.requests}, tagged with the route's path template ({@code route}), not
     * the URL, so the number of series stays bounded, and with method, status and outcome; to be registered when
     * Javalin is created.
     */
    MicrometerPlugin requestTiming() {
        return new MicrometerPlugin(timing -> {
            timing.registry = registry;
            // An unknown partnership's 404 is still an answer of its route; only paths no route matches are NOT_FOUND.
            timing.tagNotFoundMappedPaths = true;
        });
    }

    void register(final Javalin app) {
        app.get(PATH, this::scrape);
    }

    /**
     * Binds the streams application's metrics. Micrometer looks for new Kafka metrics once a minute, so binding once
     * the application runs makes the metrics of its first tasks visible at once.
     */
    synchronized void bind(final KafkaStreams streams) {
        Objects.requireNonNull(streams, "streams");
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
    }

    @OpenApi(path = PATH,
            summary = "Prometheus metrics: JVM, HTTP, Jetty, Kafka Streams and the tracker's own counters",
            responses = @OpenApiResponse(status = "200", description = "Prometheus text format 0.0.4",
                    content = @OpenApiContent(mimeType = "text/plain", type = "string")))
    private void scrape(final Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    @Override
    public synchronized void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        gc.close();
        registry.close();
    }
}
