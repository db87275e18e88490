package eu.partnershiptracker.query.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code GET /metrics} in Prometheus text: JVM and process metrics, the timing of every HTTP request (by route, not by
 * URL, so the number of series stays bounded), every Kafka Streams metric, among them the tracker's own rejected and
 * duplicate record counters, and what other parts of the API register in {@link #registry()}, such as the change
 * stream's open streams and skipped records.
 */
final class ApiMetrics implements AutoCloseable {

    private static final String STARTED_AT = ApiMetrics.class.getName() + ".startedAt";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private KafkaStreamsMetrics streamsMetrics;

    ApiMetrics() {
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

    void register(final Javalin app) {
        app.before(ctx -> ctx.attribute(STARTED_AT, System.nanoTime()));
        app.after(this::time);
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
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

    private void time(final Context ctx) {
        final Long startedAt = ctx.attribute(STARTED_AT);
        if (startedAt == null) {
            return;
        }
        final String route = ctx.endpointHandlerPath().isEmpty() ? "UNMATCHED" : ctx.endpointHandlerPath();
        Timer.builder("http.server.requests")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record(System.nanoTime() - startedAt, TimeUnit.NANOSECONDS);
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
