package eu.partnershiptracker.query.http;

import static eu.partnershiptracker.core.testing.TestEvents.corrects;
import static eu.partnershiptracker.core.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.query.service.TrackerService;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The query API end to end: events on a real broker, a running TrackerService, answers over HTTP. */
@ExtendWith(RealInfrastructure.class)
class TrackerApiTest {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final String NOT_A_VALUE = "not-a-value";

    /** Every event but jp-sdp-sign is recorded at this instant; jp-sdp-sign an hour later. */
    private static final Instant RECORDED = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
    private static final Instant BEFORE_THE_SIGNATURE = RECORDED.plus(Duration.ofMinutes(30));

    private static TrackerFixture fixture;
    private static TrackerService service;

    @BeforeAll
    static void start(final Infrastructure infrastructure) {
        fixture = new TrackerFixture(infrastructure, 3);
        service = fixture.startService();
        fixture.publishRecordedAt(RECORDED,
                event("jp-sdp-neg", "EU:JP", InstrumentType.SDP, EventKind.NEGOTIATIONS_LAUNCHED, "2023-05"),
                event("jp-fpa-wrong", "EU:JP", InstrumentType.FPA, EventKind.SIGNED, "2022-03-01"),
                event("jp-fpa-fix", "EU:JP", InstrumentType.FPA, EventKind.SIGNED, "2022-04-01")
                        .setCorrection(corrects("jp-fpa-wrong")),
                event("nato-jp-itpp", "NATO:JP", InstrumentType.ITPP, EventKind.ENDORSED, "2023-07-12"),
                event("md-fpa-sign", "EU:MD", InstrumentType.FPA, EventKind.SIGNED, "2012-12-13"),
                event("md-fpa-force", "EU:MD", InstrumentType.FPA, EventKind.ENTERED_INTO_FORCE, "2013-07"),
                event("md-sdp", "EU:MD", InstrumentType.SDP, EventKind.SIGNED, "2024-05-21"),
                // A re-publish: changes nothing, counted as a duplicate.
                event("md-sdp", "EU:MD", InstrumentType.SDP, EventKind.SIGNED, "2024-05-21"));
        fixture.publishRecordedAt(RECORDED.plus(Duration.ofHours(1)),
                event("jp-sdp-sign", "EU:JP", InstrumentType.SDP, EventKind.SIGNED, "2024-11-01"));
        TrackerFixture.awaitEvent(service, "EU:JP", "jp-sdp-sign");
        TrackerFixture.awaitEvent(service, "EU:JP", "jp-fpa-fix");
        TrackerFixture.awaitEvent(service, "NATO:JP", "nato-jp-itpp");
        TrackerFixture.awaitEvent(service, "EU:MD", "md-sdp");
    }

    @AfterAll
    static void stop() {
        service.close();
        fixture.close();
    }

    @Test
    void answersAsOfADateBeforeAndAfterAnEvent() {
        final JsonNode before = get("/api/partnerships/EU/JP?asOf=2024-10-31");
        assertThat(before.path("key").asText()).isEqualTo("EU:JP");
        assertThat(before.path("asOf").asText()).isEqualTo("2024-10-31");
        final JsonNode sdpBefore = instrument(before, "SDP");
        assertThat(sdpBefore.path("status").asText()).isEqualTo("NEGOTIATING");
        assertThat(sdpBefore.path("statusSince").path("date").asText()).isEqualTo("2023-05");
        assertThat(sdpBefore.path("statusSince").path("precision").asText()).isEqualTo("MONTH");

        final JsonNode after = get("/api/partnerships/EU/JP?asOf=2024-11-01");
        assertThat(instrument(after, "SDP").path("status").asText()).isEqualTo("SIGNED");
        assertThat(instrument(after, "SDP").path("signedOn").path("date").asText()).isEqualTo("2024-11-01");
        assertThat(ids(after.path("events"), "eventId")).contains("jp-sdp-sign");
        assertThat(before.path("events").get(0).has("schema")).isFalse();

        final JsonNode current = get("/api/partnerships/EU/JP");
        assertThat(current.path("asOf").isNull()).isTrue();
        assertThat(current.path("updatedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }

    @Test
    void aMonthEventCountsFromTheFirstOfItsMonth() {
        assertThat(instrument(get("/api/partnerships/EU/JP?asOf=2023-05-01"), "SDP").path("status").asText())
                .isEqualTo("NEGOTIATING");
        assertThat(names(get("/api/partnerships/EU/JP?asOf=2023-04-30").path("instruments"))).containsExactly("FPA");
    }

    @Test
    void listsFilterByActorInstrumentAndStatus() {
        final JsonNode all = get("/api/partnerships");
        assertThat(ids(all.path("items"), "key")).containsExactly("EU:JP", "EU:MD", "NATO:JP");
        assertThat(all.path("count").asInt()).isEqualTo(3);
        assertThat(all.path("items").get(0).has("events")).isFalse();
        assertThat(ids(get("/api/partnerships?actor=NATO").path("items"), "key")).containsExactly("NATO:JP");
        assertThat(ids(get("/api/partnerships?instrument=SDP&status=SIGNED").path("items"), "key"))
                .containsExactly("EU:JP", "EU:MD");
        assertThat(ids(get("/api/partnerships?instrument=SDP&status=SIGNED&asOf=2024-06-30").path("items"), "key"))
                .containsExactly("EU:MD");
        assertThat(ids(get("/api/partnerships?instrument=ITPP&status=SIGNED").path("items"), "key")).isEmpty();
    }

    @Test
    void withoutEventsOnePartnershipIsItsItemInTheList() {
        for (final String asOf : List.of("", "asOf=2024-10-31", "asOf=2023")) {
            final JsonNode listed = StreamSupport.stream(get("/api/partnerships?" + asOf).path("items").spliterator(),
                    false).filter(item -> item.path("key").asText().equals("EU:JP")).findFirst().orElseThrow();
            final JsonNode summary = get("/api/partnerships/EU/JP?events=false&" + asOf);
            assertThat(summary).as("as of %s", asOf).isEqualTo(listed);
            assertThat(summary.has("events")).isFalse();
            assertThat(get("/api/partnerships/EU/JP?events=FALSE&" + asOf)).isEqualTo(summary);
            final JsonNode whole = get("/api/partnerships/EU/JP?" + asOf);
            assertThat(whole.path("events").isArray()).isTrue();
            assertThat(get("/api/partnerships/EU/JP?events=true&" + asOf)).isEqualTo(whole);
            final JsonNode withoutEvents = ((ObjectNode) whole.deepCopy()).without("events");
            assertThat(withoutEvents).isEqualTo(summary);
        }
        final String between = "knownAt=" + BEFORE_THE_SIGNATURE;
        final JsonNode then = get("/api/partnerships/EU/JP?events=false&" + between);
        assertThat(then.has("events")).isFalse();
        assertThat(instrument(then, "SDP").path("status").asText()).isEqualTo("NEGOTIATING");
        assertThat(TrackerFixture.get(service, "/api/partnerships/EU/JP?events=false&asOf=2022-01-01").status())
                .isEqualTo(404);
    }

    @Test
    void aBadParameterIs400NamingIt() {
        final TrackerFixture.Reply badDate = TrackerFixture.get(service, "/api/partnerships/EU/JP?asOf=2024-02-30");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().path("status").asInt()).isEqualTo(400);
        assertThat(badDate.json().path("error").asText())
                .isEqualTo("query parameter 'asOf': impossible date '2024-02-30'");
        final TrackerFixture.Reply badStatus = TrackerFixture.get(service, "/api/partnerships?status=DONE");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().path("error").asText()).startsWith("query parameter 'status': 'DONE'");
        final TrackerFixture.Reply badRange = TrackerFixture.get(service, "/api/changes?from=2024-01-02&to=2024-01-01");
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.json().path("error").asText()).contains("'from'");
        final TrackerFixture.Reply badKnownAt = TrackerFixture.get(service, "/api/stats?knownAt=2025-01-31T12:00");
        assertThat(badKnownAt.status()).isEqualTo(400);
        assertThat(badKnownAt.json().path("error").asText())
                .startsWith("query parameter 'knownAt': '2025-01-31T12:00' is not an instant");
        for (final String events : List.of("maybe", "")) {
            final TrackerFixture.Reply badEvents = TrackerFixture.get(service, "/api/partnerships/EU/JP?events="
                    + events);
            assertThat(badEvents.status()).isEqualTo(400);
            assertThat(badEvents.json().path("error").asText())
                    .isEqualTo("query parameter 'events': '" + events + "' is not true or false");
        }
        final TrackerFixture.Reply badCertainty = TrackerFixture.get(service, "/api/stats?certainty=maybe");
        assertThat(badCertainty.status()).isEqualTo(400);
        assertThat(badCertainty.json().path("error").asText())
                .isEqualTo("query parameter 'certainty': 'maybe' is not one of CERTAIN, ANY");
    }

    @Test
    void aYearOrMonthAsOfMeansTheEndOfIt() {
        final JsonNode month = get("/api/partnerships/EU/JP?asOf=2024-10");
        assertThat(month.path("asOf").asText()).isEqualTo("2024-10-31");
        assertThat(instrument(month, "SDP").path("status").asText()).isEqualTo("NEGOTIATING");
        final JsonNode year = get("/api/partnerships/EU/JP?asOf=2024");
        assertThat(year.path("asOf").asText()).isEqualTo("2024-12-31");
        assertThat(instrument(year, "SDP").path("status").asText()).isEqualTo("SIGNED");
        assertThat(names(get("/api/partnerships/EU/JP?asOf=2023-04").path("instruments"))).containsExactly("FPA");
        assertThat(get("/api/stats?asOf=2013").path("byStatus").path("IN_FORCE").asInt()).isEqualTo(1);
        assertThat(dates(get("/api/changes?from=2024&to=2024-05").path("items"))).containsExactly("2024-05-21");
    }

    @Test
    void knownAtAnswersFromTheEventsRecordedUpToIt() {
        final String between = "knownAt=" + BEFORE_THE_SIGNATURE;
        final JsonNode then = get("/api/partnerships/EU/JP?" + between);
        assertThat(then.path("knownAt").asText()).isEqualTo(BEFORE_THE_SIGNATURE.toString());
        assertThat(instrument(then, "SDP").path("status").asText()).isEqualTo("NEGOTIATING");
        assertThat(ids(then.path("events"), "eventId")).doesNotContain("jp-sdp-sign");
        assertThat(instrument(get("/api/partnerships/EU/JP"), "SDP").path("status").asText()).isEqualTo("SIGNED");
        // Bitemporal: valid time and transaction time cut together.
        assertThat(names(get("/api/partnerships/EU/JP?asOf=2023-04&" + between).path("instruments")))
                .containsExactly("FPA");

        assertThat(ids(get("/api/partnerships?instrument=SDP&status=SIGNED&" + between).path("items"), "key"))
                .containsExactly("EU:MD");
        assertThat(ids(get("/api/partnerships/EU/JP/history?" + between).path("events"), "eventId"))
                .doesNotContain("jp-sdp-sign").contains("jp-sdp-neg");
        assertThat(get("/api/changes?" + between).path("count").asInt()).isEqualTo(6);
        assertThat(get("/api/stats?" + between).path("byStatus").path("SIGNED").asInt()).isEqualTo(2);
        assertThat(point(get("/api/stats/timeline?actor=EU&" + between).path("points"), 2022).path("signed").asInt())
                .isEqualTo(2);

        final String before = "knownAt=" + RECORDED.minusSeconds(60);
        assertThat(TrackerFixture.get(service, "/api/partnerships/EU/JP?" + before).status()).isEqualTo(404);
        assertThat(TrackerFixture.get(service, "/api/partnerships/EU/JP/history?" + before).status()).isEqualTo(404);
        assertThat(get("/api/partnerships?knownAt=2000").path("count").asInt()).isZero();
        assertThat(get("/api/stats?knownAt=2000-06").path("partnerships").asInt()).isZero();
    }

    @Test
    void certaintyAnyAlsoCountsPossibleSteps() {
        final JsonNode certain = get("/api/stats");
        assertThat(certain.path("certainty").asText()).isEqualTo("CERTAIN");
        assertThat(certain.path("byCertainty").path("CERTAIN").asInt()).isEqualTo(5);
        final JsonNode any = get("/api/stats?certainty=any");
        assertThat(any.path("certainty").asText()).isEqualTo("ANY");
        assertThat(any.path("byStatus")).isEqualTo(certain.path("byStatus"));
        assertThat(ids(get("/api/partnerships?status=SIGNED&certainty=ANY").path("items"), "key"))
                .containsExactly("EU:JP", "EU:MD");
        final JsonNode sdp = instrument(get("/api/partnerships/EU/JP"), "SDP");
        assertThat(sdp.path("certainty").asText()).isEqualTo("CERTAIN");
        assertThat(sdp.has("possibleStatus")).isTrue();
        assertThat(sdp.has("notBefore")).isTrue();
    }

    @Test
    void anUnknownPartnershipIs404() {
        final TrackerFixture.Reply unknown = TrackerFixture.get(service, "/api/partnerships/EU/XX");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("status").asInt()).isEqualTo(404);
        assertThat(unknown.json().path("error").asText()).contains("EU:XX");
        assertThat(TrackerFixture.get(service, "/api/partnerships/EU/JP?asOf=2022-01-01").status()).isEqualTo(404);
        assertThat(TrackerFixture.get(service, "/api/partnerships/EU/XX/history").status()).isEqualTo(404);
    }

    @Test
    void historyKeepsTheAuditTrailOfACorrection() {
        final JsonNode history = get("/api/partnerships/EU/JP/history");
        assertThat(history.path("key").asText()).isEqualTo("EU:JP");
        final JsonNode wrong = byId(history.path("events"), "jp-fpa-wrong");
        assertThat(wrong.path("status").asText()).isEqualTo("CORRECTED");
        assertThat(wrong.path("supersededBy").asText()).isEqualTo("jp-fpa-fix");
        final JsonNode fix = byId(history.path("events"), "jp-fpa-fix");
        assertThat(fix.path("status").asText()).isEqualTo("EFFECTIVE");
        assertThat(fix.path("corrects").path("targetEventId").asText()).isEqualTo("jp-fpa-wrong");
        assertThat(dates(history.path("steps"))).containsExactly("2022-04-01", "2023-05", "2024-11-01");
        final JsonNode first = history.path("steps").get(0);
        assertThat(first.has("key")).isFalse();
        assertThat(first.path("transitions").get(0).path("instrument").asText()).isEqualTo("FPA");
        assertThat(first.path("transitions").get(0).path("from").isNull()).isTrue();
        assertThat(first.path("transitions").get(0).path("to").asText()).isEqualTo("SIGNED");

        assertThat(dates(get("/api/partnerships/EU/JP/history?from=2023-01-01").path("steps")))
                .containsExactly("2023-05", "2024-11-01");
    }

    @Test
    void changesReplayAllPartnershipsByDateThenKey() {
        final JsonNode all = get("/api/changes");
        assertThat(dates(all.path("items")))
                .containsExactly("2012-12-13", "2013-07", "2022-04-01", "2023-05", "2023-07-12", "2024-05-21",
                        "2024-11-01");
        assertThat(ids(all.path("items"), "key"))
                .containsExactly("EU:MD", "EU:MD", "EU:JP", "EU:JP", "NATO:JP", "EU:MD", "EU:JP");
        final JsonNode window = get("/api/changes?from=2023-01-01&to=2024-06-30");
        assertThat(window.path("from").asText()).isEqualTo("2023-01-01");
        assertThat(window.path("count").asInt()).isEqualTo(3);
        assertThat(ids(window.path("items"), "key")).containsExactly("EU:JP", "NATO:JP", "EU:MD");
    }

    @Test
    void statsCountInstruments() {
        final JsonNode now = get("/api/stats");
        assertThat(now.path("partnerships").asInt()).isEqualTo(3);
        assertThat(now.path("byActor").path("EU").asInt()).isEqualTo(4);
        assertThat(now.path("byActor").path("NATO").asInt()).isEqualTo(1);
        assertThat(now.path("byInstrument").path("SDP").asInt()).isEqualTo(2);
        assertThat(now.path("byStatus").path("SIGNED").asInt()).isEqualTo(3);
        assertThat(now.path("byStatus").path("IN_FORCE").asInt()).isEqualTo(1);
        final JsonNode then = get("/api/stats?asOf=2020-01-01");
        assertThat(then.path("partnerships").asInt()).isEqualTo(1);
        assertThat(then.path("byStatus").path("IN_FORCE").asInt()).isEqualTo(1);

        final JsonNode timeline = get("/api/stats/timeline?actor=EU");
        final JsonNode points = timeline.path("points");
        assertThat(points.get(0).path("year").asInt()).isEqualTo(2012);
        assertThat(points.get(points.size() - 1).path("year").asInt()).isEqualTo(2024);
        assertThat(point(points, 2013).path("inForce").asInt()).isEqualTo(1);
        assertThat(point(points, 2021).path("signed").asInt()).isEqualTo(1);
        assertThat(point(points, 2022).path("signed").asInt()).isEqualTo(2);
        assertThat(point(points, 2024).path("signed").asInt()).isEqualTo(4);
        assertThat(get("/api/stats/timeline?instrument=ITPP").path("points").size()).isZero();
    }

    @Test
    void healthSaysUpWhileRunningWithEveryCheckAndQueriesAreNotMarkedStale() {
        final TrackerFixture.Reply ready = TrackerFixture.get(service, "/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("status").asText()).isEqualTo("UP");
        assertThat(ready.json().path("streams").asText()).isEqualTo("RUNNING");
        assertThat(ready.json().path("checks").findValuesAsText("name"))
                .containsExactly("streams", "kafka", "registry");
        assertThat(ready.json().path("checks").findValuesAsText("status")).containsOnly("UP");
        assertThat(TrackerFixture.get(service, "/health").body()).isEqualTo(ready.body());
        final TrackerFixture.Reply live = TrackerFixture.get(service, "/health/live");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().path("checks").findValuesAsText("name")).containsExactly("streams");
        assertThat(TrackerFixture.get(service, "/api/stats").headers().firstValue("X-Tracker-Stale")).isEmpty();
    }

    @Test
    void metricsShowKafkaStreamsHttpAndTheTrackersCounters() {
        get("/api/stats");
        final TrackerFixture.Reply metrics = TrackerFixture.get(service, "/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count",
                "route=\"/api/stats\"", "kafka_stream_thread_", "rejected_records_total");
        final double duplicates = Arrays.stream(metrics.body().split("\n"))
                .filter(line -> line.startsWith("kafka_stream_partnership_tracker_duplicate_records_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
        assertThat(duplicates).isEqualTo(1.0);
    }

    /**
     * Every route is in the served document with exactly the parameters it reads: its path's, and the query and header
     * parameters it rejects when they are bad. Reading a query parameter the document does not list is a 500 (see
     * Params), which no route documents, so the plain request of each route catches that.
     */
    @Test
    void theOpenApiDocumentDescribesEveryRoute() {
        final JsonNode served = get("/api/openapi.json");
        assertThat(service.routes()).contains("GET /api/partnerships", "GET /api/changes/stream", "GET /metrics",
                "GET /health", "GET /health/live", "GET /health/ready", "GET /api/openapi.json");
        for (final String route : service.routes()) {
            final String[] methodAndPath = route.split(" ");
            final String template = methodAndPath[1];
            final JsonNode operation = served.path("paths").path(template)
                    .path(methodAndPath[0].toLowerCase(Locale.ROOT));
            assertThat(operation.isObject()).as("%s is in openapi.json", route).isTrue();
            assertThat(parameters(operation, "path")).as("path parameters of %s", route)
                    .containsExactlyInAnyOrderElementsOf(pathParameters(template));
            final String path = withExamples(template, operation);
            if (!template.equals(ChangeStream.PATH)) {
                // The change stream would not end; every other route answers at once.
                final TrackerFixture.Reply plain = TrackerFixture.get(service, path);
                assertThat(operation.path("responses").has(Integer.toString(plain.status())))
                        .as("%s answers %s, which openapi.json does not list: %s", route, plain.status(), plain.body())
                        .isTrue();
            }
            for (final String name : parameters(operation, "query")) {
                assertRejectsNaming(route, operation,
                        TrackerFixture.get(service, path + "?" + name + "=" + NOT_A_VALUE),
                        "query parameter '" + name + "'");
            }
            for (final String name : parameters(operation, "header")) {
                assertRejectsNaming(route, operation, TrackerFixture.get(service, path, Map.of(name, NOT_A_VALUE)),
                        "header '" + name + "'");
            }
        }
    }

    private static List<String> parameters(final JsonNode operation, final String in) {
        return StreamSupport.stream(operation.path("parameters").spliterator(), false)
                .filter(parameter -> parameter.path("in").asText().equals(in))
                .map(parameter -> parameter.path("name").asText())
                .toList();
    }

    private static List<String> pathParameters(final String template) {
        return PATH_PARAMETER.matcher(template).results().map(match -> match.group(1)).toList();
    }

    /** The route's path with the documented example of each path parameter. */
    private static String withExamples(final String template, final JsonNode operation) {
        String path = template;
        for (final JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("path")) {
                final String example = parameter.path("schema").path("example").asText();
                assertThat(example).as("example of %s in %s", parameter.path("name"), template).isNotEmpty();
                path = path.replace("{" + parameter.path("name").asText() + "}", example);
            }
        }
        return path;
    }

    private static void assertRejectsNaming(final String route, final JsonNode operation,
            final TrackerFixture.Reply reply, final String parameter) {
        assertThat(reply.status()).as("%s with a bad %s: %s", route, parameter, reply.body()).isEqualTo(400);
        assertThat(reply.json().path("error").asText()).contains(parameter);
        assertThat(operation.path("responses").has("400")).as("%s documents its 400", route).isTrue();
    }

    private static JsonNode get(final String pathAndQuery) {
        final TrackerFixture.Reply reply = TrackerFixture.get(service, pathAndQuery);
        assertThat(reply.status()).as("GET %s: %s", pathAndQuery, reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode instrument(final JsonNode partnership, final String type) {
        return StreamSupport.stream(partnership.path("instruments").spliterator(), false)
                .filter(instrument -> instrument.path("type").asText().equals(type))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " in " + partnership));
    }

    private static JsonNode byId(final JsonNode events, final String eventId) {
        return StreamSupport.stream(events.spliterator(), false)
                .filter(event -> event.path("eventId").asText().equals(eventId))
                .findFirst().orElseThrow(() -> new AssertionError("no " + eventId + " in " + events));
    }

    private static JsonNode point(final JsonNode points, final int year) {
        return StreamSupport.stream(points.spliterator(), false)
                .filter(point -> point.path("year").asInt() == year)
                .findFirst().orElseThrow(() -> new AssertionError("no " + year + " in " + points));
    }

    private static List<String> ids(final JsonNode items, final String field) {
        final List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path(field).asText()));
        return ids;
    }

    private static List<String> names(final JsonNode instruments) {
        return ids(instruments, "type");
    }

    private static List<String> dates(final JsonNode steps) {
        final List<String> dates = new ArrayList<>();
        steps.forEach(step -> dates.add(step.path("date").path("date").asText()));
        return dates;
    }
}
