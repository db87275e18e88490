package eu.partnershiptracker.cli;

import static eu.partnershiptracker.core.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.query.http.TrackerFixture;
import eu.partnershiptracker.query.service.TrackerService;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** The state, changes and serve commands against a running tracker and a real broker. */
@ExtendWith(RealInfrastructure.class)
class TrackerCliTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Infrastructure infrastructure;
    private static TrackerFixture fixture;
    private static TrackerService service;
    private static String apiUrl;

    /** What a command printed and returned. */
    private record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void start(final Infrastructure infra) {
        infrastructure = infra;
        fixture = new TrackerFixture(infra, 2);
        service = fixture.startService();
        apiUrl = TrackerFixture.baseUrl(service);
        fixture.publish(
                event("jp-sdp-neg", "EU:JP", InstrumentType.SDP, EventKind.NEGOTIATIONS_LAUNCHED, "2023-05"),
                event("jp-sdp-sign", "EU:JP", InstrumentType.SDP, EventKind.SIGNED, "2024-11-01"),
                event("nato-jp-itpp", "NATO:JP", InstrumentType.ITPP, EventKind.ENDORSED, "2023-07-12"));
        TrackerFixture.awaitEvent(service, "EU:JP", "jp-sdp-sign");
        TrackerFixture.awaitEvent(service, "NATO:JP", "nato-jp-itpp");
    }

    @AfterAll
    static void stop() {
        service.close();
        fixture.close();
    }

    @Test
    void stateListsEveryPartnershipAsATable() {
        final Run run = run("state", "--api-url", apiUrl);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("PARTNERSHIP\\s+INSTRUMENT\\s+STATUS\\s+SINCE\\s+SIGNED\\s+IN FORCE")
                .containsPattern("EU:JP\\s+SDP\\s+SIGNED\\s+2024-11-01\\s+2024-11-01\\s+-")
                .containsPattern("NATO:JP\\s+ITPP\\s+ACTIVE\\s+2023-07-12")
                .contains("2 partnerships");
    }

    @Test
    void stateOfOnePartnershipAsOfADate() throws IOException {
        final Run table = run("state", "EU:JP", "--as-of", "2024-06-30", "--api-url", apiUrl);
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).startsWith("EU:JP as of 2024-06-30")
                .containsPattern("SDP\\s+NEGOTIATING\\s+2023-05")
                .containsPattern("2023-05\\s+jp-sdp-neg\\s+SDP\\s+NEGOTIATIONS_LAUNCHED\\s+EFFECTIVE")
                .doesNotContain("jp-sdp-sign");

        final Run json = run("state", "EU:JP", "--as-of", "2024-06-30", "--json", "--api-url", apiUrl);
        final JsonNode answer = MAPPER.readTree(json.out());
        assertThat(answer.path("instruments").get(0).path("status").asText()).isEqualTo("NEGOTIATING");
        assertThat(answer.path("asOf").asText()).isEqualTo("2024-06-30");
    }

    @Test
    void aBadDateIsAUsageErrorNamingTheOption() {
        final Run run = run("state", "--as-of", "2024-02-30", "--api-url", apiUrl);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--as-of", "impossible date '2024-02-30'");
        assertThat(run("changes", "--from", "soon", "--api-url", apiUrl).err()).contains("--from");
        final Run knownAt = run("state", "--known-at", "2025-01-31T12:00", "--api-url", apiUrl);
        assertThat(knownAt.exitCode()).isEqualTo(2);
        assertThat(knownAt.err()).contains("--known-at", "'2025-01-31T12:00' is not an instant");
        final Run certainty = run("state", "--status", "SIGNED", "--certainty", "maybe", "--api-url", apiUrl);
        assertThat(certainty.exitCode()).isEqualTo(2);
        assertThat(certainty.err()).contains("--certainty", "'maybe' is not one of CERTAIN, ANY");
        assertThat(run("state", "EU:JP", "--status", "SIGNED", "--api-url", apiUrl).exitCode()).isEqualTo(2);
        assertThat(run("changes", "--follow", "--known-at", "2000", "--api-url", apiUrl).exitCode()).isEqualTo(2);
    }

    @Test
    void stateAsOfAMonthAndAsKnownAtAnInstant() {
        final Run month = run("state", "EU:JP", "--as-of", "2024-06", "--api-url", apiUrl);
        assertThat(month.exitCode()).as(month.err()).isZero();
        assertThat(month.out()).startsWith("EU:JP as of 2024-06-30")
                .containsPattern("SDP\\s+NEGOTIATING\\s+2023-05");

        final Run before = run("state", "--known-at", "2000", "--api-url", apiUrl);
        assertThat(before.exitCode()).as(before.err()).isZero();
        assertThat(before.out()).contains("0 partnerships known at 2000-12-31T23:59:59.999999999Z");
        assertThat(run("state", "EU:JP", "--known-at", "2000-01-01T00:00:00Z", "--api-url", apiUrl).exitCode())
                .isEqualTo(1);
        assertThat(run("changes", "--known-at", "2000", "--api-url", apiUrl).out()).contains("0 steps");
    }

    @Test
    void stateFiltersByStatusWithCertainty() {
        final Run signed = run("state", "--status", "SIGNED", "--certainty", "any", "--api-url", apiUrl);
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        assertThat(signed.out()).containsPattern("EU:JP\\s+SDP\\s+SIGNED").doesNotContain("NATO:JP");
    }

    @Test
    void anUnknownPartnershipSaysSo() {
        final Run run = run("state", "EU:XX", "--api-url", apiUrl);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no partnership EU:XX");
        assertThat(run("state", "--api-url", "http://127.0.0.1:1").exitCode()).isEqualTo(3);
    }

    @Test
    void changesReplaysAsATableOrJson() throws IOException {
        final Run table = run("changes", "--from", "2023-06-01", "--api-url", apiUrl);
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).containsPattern("DATE\\s+PARTNERSHIP\\s+CHANGES\\s+EVENTS")
                .containsPattern("2023-07-12\\s+NATO:JP\\s+ITPP: new -> ACTIVE\\s+nato-jp-itpp")
                .containsPattern("2024-11-01\\s+EU:JP\\s+SDP: NEGOTIATING -> SIGNED\\s+jp-sdp-sign")
                .contains("2 steps");
        assertThat(table.out().indexOf("NATO:JP")).isLessThan(table.out().indexOf("jp-sdp-sign"));

        final JsonNode json = MAPPER.readTree(run("changes", "--json", "--api-url", apiUrl).out());
        assertThat(json.path("count").asInt()).isEqualTo(3);
    }

    @Test
    void changesFollowStreamsLiveChanges() {
        final StringWriter out = new StringWriter();
        final Thread follower = new Thread(() -> new CommandLine(new TrackerCommand())
                .setOut(new PrintWriter(out, true))
                .execute("changes", "--follow", "--api-url", apiUrl), "follower");
        follower.setDaemon(true);
        follower.start();
        await("the follower's stream is open").atMost(Duration.ofSeconds(60)).until(() ->
                TrackerFixture.get(service, "/metrics").body().contains("tracker_change_streams_open 1.0"));
        fixture.publish(event("md-sdp", "EU:MD", InstrumentType.SDP, EventKind.SIGNED, "2024-05-21"));
        await("the live change is printed").atMost(Duration.ofSeconds(60)).until(() ->
                out.toString().matches("(?s).*EU:MD\\s+CREATE\\s+2024-05-21\\s+SDP: new -> SIGNED.*"));
        assertThat(out.toString()).startsWith("RECORDED");
    }

    @Test
    void serveFailsClearlyWhenThePortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            final Run run = run("serve", "--bootstrap-servers", infrastructure.bootstrapServers(),
                    "--registry-url", infrastructure.registryUrl(), "--http-host", "127.0.0.1",
                    "--http-port", Integer.toString(taken.getLocalPort()),
                    "--state-dir", Files.createTempDirectory("tracker-state").toString(),
                    "--application-id", "port-taken");
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).contains("HTTP port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void serveFailsClearlyWhenKafkaIsUnreachable() throws IOException {
        final long started = System.nanoTime();
        final Run run = run("serve", "--bootstrap-servers", "127.0.0.1:1", "--timeout", "3",
                "--registry-url", infrastructure.registryUrl(), "--http-host", "127.0.0.1", "--http-port", "0",
                "--state-dir", Files.createTempDirectory("tracker-state").toString(),
                "--application-id", "unreachable");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("Kafka at 127.0.0.1:1 did not answer within 3 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void serveRefusesARegistryUrlWithoutTheConfluentApiWithExitCode2() throws IOException {
        final Run run = run("serve", "--bootstrap-servers", infrastructure.bootstrapServers(),
                "--registry-url", infrastructure.apicurioRegistryUrl(), "--http-host", "127.0.0.1", "--http-port", "0",
                "--state-dir", Files.createTempDirectory("tracker-state").toString(),
                "--application-id", "wrong-registry");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("schema registry at " + infrastructure.apicurioRegistryUrl() + " answered GET "
                        + "/subjects/policy-events-value/versions/latest with HTTP 404")
                .contains("For Apicurio Registry it is " + infrastructure.registryUrl())
                .contains(ConnectionOptions.REGISTRY_URL_HINT)
                .doesNotContain("Exception", "\tat ");
    }

    private static Run run(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode = new CommandLine(new TrackerCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
