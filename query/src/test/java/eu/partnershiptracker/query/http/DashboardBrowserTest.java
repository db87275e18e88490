package eu.partnershiptracker.query.http;

import static eu.partnershiptracker.query.http.DashboardBrowser.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.cluster.TopicNames;
import eu.partnershiptracker.producer.eventfiles.EventFiles;
import eu.partnershiptracker.producer.publish.EventPublisher;
import eu.partnershiptracker.producer.publish.PublishSettings;
import eu.partnershiptracker.query.service.ServeSettings;
import eu.partnershiptracker.query.service.TrackerService;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.ProjectFiles;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real headless Chromium ({@link DashboardBrowser}) against the real API (TrackerService on the real
 * broker and registry), fed with the curated dataset. Steps known only by bounds are in
 * {@link DashboardCertaintyBrowserTest}.
 */
@ExtendWith(RealInfrastructure.class)
class DashboardBrowserTest {

    @TempDir
    static Path directory;

    private static TrackerService service;
    private static PublishSettings publishing;
    private DashboardBrowser browser;

    @BeforeAll
    static void startTheApplication(final Infrastructure infrastructure) throws Exception {
        if (!DashboardBrowser.available()) {
            return;
        }
        final TopicNames topics = new TopicNames(infrastructure.uniqueTopic("dashboard-events"),
                infrastructure.uniqueTopic("dashboard-changes"), infrastructure.uniqueTopic("dashboard-instruments"),
                infrastructure.uniqueTopic("dashboard-dlq"));
        // A transactional id of its own, so that no other test's publisher fences this one.
        publishing = new PublishSettings(ClusterSettings.of(infrastructure.bootstrapServers(),
                infrastructure.registryUrl()).withTimeout(Duration.ofSeconds(30)), topics.events(), 3, (short) 1,
                infrastructure.uniqueTopic("dashboard-publisher"));
        publish(ProjectFiles.events());
        service = TrackerService.start(ServeSettings.builder(infrastructure.bootstrapServers(),
                        infrastructure.registryUrl())
                .applicationId(infrastructure.uniqueTopic("dashboard-app"))
                .topics(topics)
                .stateDir(directory.resolve("state"))
                .httpPort(0)
                .build());
    }

    @AfterAll
    static void stopTheApplication() {
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void openTheDashboard() {
        browser = DashboardBrowser.open(service, directory);
        // The dataset is processed in the background and the table fills in as it is: a row can show before all its
        // instruments do, so wait for the instrument the tests look at.
        await("the curated partnerships in the table").atMost(WAIT).ignoreExceptions()
                .until(() -> browser.row("EU:MD").findElement(By.cssSelector("[data-type=SDP]")).isDisplayed());
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void showsThePartnershipsWithTheirInstrumentsTimelineAndChart() {
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid=partnership-row]")).size())
                .isGreaterThan(20);
        final WebElement moldovaSdp = browser.row("EU:MD").findElement(By.cssSelector("[data-type=SDP]"));
        // Known to the month only, so shown as a month; the instrument's name, when it has one, comes first.
        assertThat(moldovaSdp.getText()).endsWith("signed since May 2024");
        assertThat(moldovaSdp.getAttribute("data-certainty")).isEqualTo("CERTAIN");

        browser.select("EU:MD");
        await("the EU-Moldova timeline").atMost(WAIT).ignoreExceptions().until(() ->
                browser.find("[data-testid=timeline-event][data-event-id=eu-md-sdp-signed]").isDisplayed());
        final WebElement event = browser.find("[data-testid=timeline-event][data-event-id=eu-md-sdp-signed]");
        assertThat(event.findElement(By.cssSelector("[data-testid=event-date]")).getText()).isEqualTo("May 2024");
        assertThat(event.getText()).contains("signed").contains("Mol- dova").contains("source: 000_");

        await("the chart").atMost(WAIT).ignoreExceptions().until(() ->
                !browser.find("[data-testid=chart-signed]").getAttribute("d").isEmpty());
    }

    @Test
    void anEarlierAsOfDateShowsTheStateOfThatDay() {
        browser.showAsOf("2023-12-31");
        // Moldova's SDP was signed in May 2024: it is not there yet.
        assertThat(browser.driver().findElements(By.cssSelector("[data-key='EU:MD'] [data-type=SDP]"))).isEmpty();

        browser.driver().findElement(By.id("as-of-today")).click();
        await("the current table").atMost(WAIT).ignoreExceptions().until(() ->
                browser.row("EU:MD").findElement(By.cssSelector("[data-type=SDP]")).isDisplayed());
    }

    @Test
    void anAsOfThatIsNotADateIsRefusedWithoutAskingTheServer() {
        browser.enter("as-of", "2024-5");

        assertThat(browser.driver().findElement(By.id("status")).getText())
                .isEqualTo("As of: '2024-5' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        assertThat(browser.driver().findElement(By.id("partnerships")).getAttribute("data-as-of")).isEmpty();
    }

    @Test
    void aKnownAtThatIsNeitherADateNorAnInstantIsRefused() {
        browser.enter("known-at", "yesterday");

        assertThat(browser.driver().findElement(By.id("status")).getText())
                .startsWith("Known at: 'yesterday' is neither a date (YYYY-MM-DD) nor an instant");
        assertThat(browser.driver().findElement(By.id("partnerships")).getAttribute("data-known-at")).isEmpty();
    }

    @Test
    void aPartnershipsConflictingClaimsAreListedWithTheRule() {
        // 001 says the Korea FPA entered into force in 2014 in its prose, and on 1 December 2016 in its annex.
        browser.select("EU:KR");
        await("the EU-Korea conflicts").atMost(WAIT).ignoreExceptions().until(() ->
                browser.find("[data-testid=conflict]").isDisplayed());
        final WebElement conflict = browser.find("[data-testid=conflict]");

        assertThat(conflict.getAttribute("data-conflict-type")).isEqualTo("DATES");
        assertThat(conflict.getText()).contains("entered into force");
        assertThat(conflict.findElements(By.cssSelector("[data-testid=claim]"))).extracting(WebElement::getText)
                .anySatisfy(claim -> assertThat(claim).startsWith("2014 ("))
                .anySatisfy(claim -> assertThat(claim).startsWith("1 December 2016 (").endsWith("chosen"));
        assertThat(conflict.findElement(By.cssSelector("[data-testid=conflict-rule]")).getText()).startsWith("rule: ");
    }

    /** Needs the new fold, which lists a fact's conflicts at every as-of date, before its claims' dates too. */
    @Test
    void conflictsAreListedAtEveryAsOfDate() {
        browser.showAsOf("2015-06-30");
        browser.select("EU:KR");

        await("the EU-Korea FPA conflict as of 2015-06-30").atMost(WAIT).ignoreExceptions().until(() ->
                browser.find("[data-testid=conflict]").getText().contains("entered into force"));
        assertThat(browser.find("[data-testid=detail-conflicts]").getText()).contains("1 December 2016");
    }

    @Test
    void aNewlyPublishedEventAppearsInTheLiveFeed() throws Exception {
        await("the live feed connected").atMost(WAIT).until(() ->
                "live".equals(browser.driver().findElement(By.id("feed-status")).getText()));
        final Path file = directory.resolve("live-event.yaml");
        Files.writeString(file, """
                events:
                  - id: dashboard-test-eu-is-sdp-signed
                    actor: EU
                    counterpart: IS
                    instrument: SDP
                    kind: SIGNED
                    date: "2025-03"
                    source: dashboard-test
                    quote: "a test event published while the dashboard is open"
                """);
        publish(file);

        final String item = "[data-testid=feed-item][data-cause-event-id=dashboard-test-eu-is-sdp-signed]";
        await("the change in the live feed").atMost(WAIT).ignoreExceptions().until(() ->
                browser.find(item).isDisplayed());
        assertThat(browser.find(item).getAttribute("data-key")).isEqualTo("EU:IS");
        assertThat(browser.find(item).getText()).contains(": new \u2192 signed").contains("effective March 2025");
    }

    private static void publish(final Path input) throws Exception {
        new EventPublisher().publish(EventFiles.bundled().check(List.of(input)), publishing);
    }
}
