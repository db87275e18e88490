package eu.partnershiptracker.query.http;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.partnershiptracker.cluster.TopicNames;
import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.core.testing.TestEvents;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.query.client.ServerSentEvents;
import eu.partnershiptracker.query.service.ServeSettings;
import eu.partnershiptracker.query.service.TrackerService;
import eu.partnershiptracker.serde.AvroSerializer;
import eu.partnershiptracker.testing.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A tracker on the test broker with topics, application id and state directory of its own, a producer of policy events
 * for it, and an HTTP client for its API. Several services may share one fixture's topics (scale-out).
 */
public final class TrackerFixture implements AutoCloseable {

    /** An HTTP answer. */
    public record Reply(int status, String body, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (final IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Longer than any answer takes here, shorter than the tests' waits: a hung request fails as itself. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    /** Eight partnerships of both actors, enough for every partition of a four-partition topic to hold some. */
    public static final List<String> PARTNERSHIPS = List.of("EU:AL", "EU:JP", "EU:KR", "EU:MD", "EU:NO", "NATO:AU",
            "NATO:JP", "NATO:NZ");

    private final Infrastructure infrastructure;
    private final TopicNames topics;
    private final String applicationId;
    private final int partitions;
    private final KafkaProducer<String, PolicyEvent> producer;

    public TrackerFixture(final Infrastructure infrastructure, final int partitions) {
        this.infrastructure = infrastructure;
        this.partitions = partitions;
        final String suffix = infrastructure.uniqueTopic("api");
        this.topics = new TopicNames("events-" + suffix, "changes-" + suffix, "instruments-" + suffix,
                "dlq-" + suffix);
        this.applicationId = "tracker-" + suffix;
        final AvroSerializer<PolicyEvent> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", infrastructure.registryUrl()), false);
        this.producer = new KafkaProducer<>(infrastructure.clientProperties(), new StringSerializer(), serializer);
    }

    public TopicNames topics() {
        return topics;
    }

    /** Starts one instance on a free port. */
    public TrackerService startService() {
        return startService(infrastructure.registryUrl(), UnaryOperator.identity());
    }

    /** Starts one instance on a free port, with the schema registry at {@code registryUrl}. */
    public TrackerService startService(final String registryUrl) {
        return startService(registryUrl, UnaryOperator.identity());
    }

    /** Starts one instance on a free port, with settings of the test's own on top of the fixture's. */
    public TrackerService startService(final UnaryOperator<ServeSettings.Builder> adjust) {
        return startService(infrastructure.registryUrl(), adjust);
    }

    private TrackerService startService(final String registryUrl, final UnaryOperator<ServeSettings.Builder> adjust) {
        return TrackerService.start(adjust.apply(settings(infrastructure.bootstrapServers(), registryUrl,
                applicationId, topics, partitions)).build());
    }

    /**
     * The command line of {@link ServiceProcess}: an instance of this fixture's application in a JVM of its own, which
     * a test can stop with SIGTERM or SIGKILL.
     */
    public List<String> serviceProcessCommand() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServiceProcess.class.getName(),
                infrastructure.bootstrapServers(), infrastructure.registryUrl(), applicationId, topics.events(),
                topics.changes(), topics.instruments(), topics.deadLetter(), Integer.toString(partitions));
    }

    /** Every instance's settings: a free port on the loopback and a fresh state directory. */
    static ServeSettings.Builder settings(final String bootstrapServers, final String registryUrl,
            final String applicationId, final TopicNames topics, final int partitions) {
        try {
            return ServeSettings.builder(bootstrapServers, registryUrl)
                    .applicationId(applicationId)
                    .topics(topics)
                    .stateDir(Files.createTempDirectory("tracker-state"))
                    .httpHost("127.0.0.1")
                    .httpPort(0)
                    .advertisedHost("127.0.0.1")
                    .partitions(partitions)
                    .readyTimeout(Duration.ofSeconds(90));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the events (keyed by partnership) and waits until the broker has them. */
    public void publish(final PolicyEvent.Builder... events) {
        publishRecordedAt(null, events);
    }

    /**
     * Sends the events with {@code recordedAt} (null: now) as their record timestamp, which the tracker keeps as the
     * moment they were recorded, and waits until the broker has them.
     */
    public void publishRecordedAt(final Instant recordedAt, final PolicyEvent.Builder... events) {
        final Long timestamp = recordedAt == null ? null : recordedAt.toEpochMilli();
        try {
            for (final PolicyEvent.Builder builder : events) {
                final PolicyEvent event = builder.build();
                producer.send(new ProducerRecord<>(topics.events(), null, timestamp, PartnershipKey.of(event),
                        event)).get();
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (final ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits until the service's API lists the event in the partnership's history. */
    public static void awaitEvent(final TrackerService service, final String key, final String eventId) {
        final String path = "/api/partnerships/" + key.replace(':', '/') + "/history";
        await("event " + eventId + " in " + key).atMost(Duration.ofSeconds(60)).until(() -> {
            final Reply reply = get(service, path);
            return reply.status() == 200 && reply.body().contains("\"" + eventId + "\"");
        });
    }

    /**
     * Waits until the change caused by the event is committed on the changes topic, by reading the change stream from
     * the beginning. (The store shows an event as soon as it is processed, before its transaction commits.)
     */
    public void awaitCommittedChange(final TrackerService service, final String causeEventId) {
        final StringBuilder start = new StringBuilder();
        for (int partition = 0; partition < partitions; partition++) {
            start.append(partition == 0 ? "" : ",").append(partition).append(":0");
        }
        try (SseReader stream = SseReader.open(service, start.toString())) {
            final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                final ServerSentEvents.Event event = stream.poll(Duration.ofSeconds(1));
                if (event != null && MAPPER.readTree(event.data()).path("causeEventId").asText().equals(causeEventId)) {
                    return;
                }
            }
            throw new AssertionError("no committed change caused by " + causeEventId);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Reply get(final TrackerService service, final String pathAndQuery) {
        return get(service, pathAndQuery, Map.of());
    }

    public static Reply get(final TrackerService service, final String pathAndQuery, final Map<String, String> headers) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl(service) + pathAndQuery))
                .timeout(REQUEST_TIMEOUT);
        headers.forEach(request::header);
        try {
            final HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String baseUrl(final TrackerService service) {
        return "http://127.0.0.1:" + service.httpPort();
    }

    @Override
    public void close() {
        producer.close();
    }

    /** An SDP signed with the partnership on 2019-03-0{@code day}, with event id "sdp-KEY". */
    public static PolicyEvent.Builder sdpSigned(final String key, final int day) {
        return TestEvents.event("sdp-" + key, key, InstrumentType.SDP, EventKind.SIGNED, "2019-03-0" + day);
    }
}
