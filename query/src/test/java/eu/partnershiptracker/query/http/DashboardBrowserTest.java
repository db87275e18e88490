package eu.partnershiptracker.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.cluster.TopicNames;
import eu.partnershiptracker.embedded.Executables;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard in a real headless Chromium against the real API (TrackerService on the real broker and registry,
 * fed with the curated dataset). Chromium and chromedriver are the system's, found on the PATH or through
 * {@code CHROME_BIN} and {@code CHROMEDRIVER}; nothing is downloaded. Without them the tests are skipped with a notice
 * saying how to install them, except on CI ({@code CI=true}), where that is a failure: CI always runs them.
 *
 * <p>This is the one test class of the dashboard that needs the {@code serve} side (TrackerService, ServeSettings).
 */
@ExtendWith(RealInfrastructure.class)
class DashboardBrowserTest {

    private static final String INSTALL_NOTICE = "the browser tests need Chromium and chromedriver: install them "
            + "(Debian: sudo apt-get install chromium chromium-driver) or point CHROME_BIN and CHROMEDRIVER at them";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path directory;

    private static Path chromium;
    private static Path chromedriver;
    private static TrackerService service;
    private static PublishSettings publishing;
    private WebDriver browser;

    @BeforeAll
    static void startTheApplication(final Infrastructure infrastructure) throws Exception {
        chromium = Executables.find("CHROME_BIN", "chromium", "chromium-browser", "google-chrome").orElse(null);
        chromedriver = Executables.find("CHROMEDRIVER", "chromedriver").orElse(null);
        if (missingBrowser() != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true and " + missingBrowser());
            }
            return;
        }
        final TopicNames topics = new TopicNames(infrastructure.uniqueTopic("dashboard-events"),
                infrastructure.uniqueTopic("dashboard-changes"), infrastructure.uniqueTopic("dashboard-state"),
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
        // Per test rather than for the class, so that each test is reported as skipped, with the notice.
        assumeTrue(missingBrowser() == null, DashboardBrowserTest::missingBrowser);
        final ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + directory.resolve("chromium-" + System.nanoTime()));
        browser = new ChromeDriver(driver, options);
        browser.get("http://localhost:" + service.httpPort() + "/");
        // The dataset is processed in the background and the table fills in as it is: a row can show before all its
        // instruments do, so wait for the instrument the tests look at.
        await("the curated partnerships in the table").atMost(WAIT).ignoreExceptions()
                .until(() -> row("EU:MD").findElement(By.cssSelector("[data-type=SDP]")).isDisplayed());
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsThePartnershipsWithTheirInstrumentsTimelineAndChart() {
        assertThat(browser.findElements(By.cssSelector("[data-testid=partnership-row]")).size())
                .isGreaterThan(20);
        final WebElement moldovaSdp = row("EU:MD").findElement(By.cssSelector("[data-type=SDP]"));
        // Known to the month only, so shown as a month.
        assertThat(moldovaSdp.getText()).isEqualTo("SDP signed since May 2024");

        row("EU:MD").click();
        await("the EU-Moldova timeline").atMost(WAIT).ignoreExceptions().until(() ->
                browser.findElement(By.cssSelector("[data-event-id=eu-md-sdp-signed]")).isDisplayed());
        final String event = browser.findElement(By.cssSelector("[data-event-id=eu-md-sdp-signed]")).getText();
        assertThat(event).startsWith("May 2024 SDP signed").contains("Mol- dova").contains("source: 000_");

        await("the chart").atMost(WAIT).ignoreExceptions().until(() ->
                !browser.findElement(By.cssSelector("[data-testid=chart-signed]")).getAttribute("d").isEmpty());
    }

    @Test
    void anEarlierAsOfDateShowsTheStateOfThatDay() {
        setAsOf("2023-12-31");
        await("the table as of 2023-12-31").atMost(WAIT).until(() -> "2023-12-31".equals(
                browser.findElement(By.id("partnerships")).getAttribute("data-as-of")));
        // Moldova's SDP was signed in May 2024: it is not there yet.
        assertThat(browser.findElements(By.cssSelector("[data-key='EU:MD'] [data-type=SDP]"))).isEmpty();

        browser.findElement(By.id("as-of-today")).click();
        await("the current table").atMost(WAIT).ignoreExceptions().until(() ->
                row("EU:MD").findElement(By.cssSelector("[data-type=SDP]")).isDisplayed());
    }

    @Test
    void aNewlyPublishedEventAppearsInTheLiveFeed() throws Exception {
        await("the live feed connected").atMost(WAIT).until(() ->
                "live".equals(browser.findElement(By.id("feed-status")).getText()));
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

        await("the change in the live feed").atMost(WAIT).ignoreExceptions().until(() -> browser.findElement(
                By.cssSelector("[data-testid=feed-item][data-cause-event-id=dashboard-test-eu-is-sdp-signed]"))
                .getText().startsWith("EU \u2013 IS"));
        assertThat(browser.findElement(By.cssSelector("[data-cause-event-id=dashboard-test-eu-is-sdp-signed]"))
                .getText()).contains("SDP: new \u2192 signed").contains("effective March 2025");
    }

    /** What is missing to run the browser tests and how to install it, or null when nothing is. */
    private static String missingBrowser() {
        if (chromium != null && chromedriver != null) {
            return null;
        }
        return (chromium == null ? "Chromium (CHROME_BIN, or chromium on the PATH)"
                : "chromedriver (CHROMEDRIVER, or chromedriver on the PATH)") + " was not found; " + INSTALL_NOTICE;
    }

    private WebElement row(final String key) {
        return browser.findElement(By.cssSelector("[data-testid=partnership-row][data-key='" + key + "']"));
    }

    /** Date inputs take typed text in the browser's locale format; setting the value is what a picker does. */
    private void setAsOf(final String date) {
        ((JavascriptExecutor) browser).executeScript("const input = document.getElementById('as-of');"
                + "input.value = arguments[0]; input.dispatchEvent(new Event('change'));", date);
    }

    private static void publish(final Path input) throws Exception {
        new EventPublisher().publish(EventFiles.bundled().check(List.of(input)), publishing);
    }
}
