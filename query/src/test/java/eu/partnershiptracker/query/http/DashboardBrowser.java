package eu.partnershiptracker.query.http;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.partnershiptracker.embedded.Executables;
import eu.partnershiptracker.query.service.TrackerService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard of a running tracker in a real headless Chromium, for the browser tests. Chromium and chromedriver are
 * the system's, found on the PATH or through {@code CHROME_BIN} and {@code CHROMEDRIVER}; nothing is downloaded.
 * Without them the tests are skipped with a notice saying how to install them, except on CI ({@code CI=true}), where
 * that is a failure: CI always runs them.
 */
final class DashboardBrowser implements AutoCloseable {

    /** How long the dashboard may take to show what the tracker has processed. */
    static final Duration WAIT = Duration.ofSeconds(60);

    private static final String INSTALL_NOTICE = "the browser tests need Chromium and chromedriver: install them "
            + "(Debian: sudo apt-get install chromium chromium-driver) or point CHROME_BIN and CHROMEDRIVER at them";
    private static final Path CHROMIUM = Executables.find("CHROME_BIN", "chromium", "chromium-browser",
            "google-chrome").orElse(null);
    private static final Path CHROMEDRIVER = Executables.find("CHROMEDRIVER", "chromedriver").orElse(null);

    private final WebDriver driver;

    private DashboardBrowser(final WebDriver driver) {
        this.driver = driver;
    }

    /**
     * Whether the browser tests can run; false means each test is to be skipped (see {@link #open}). On CI a missing
     * browser fails here, before anything is started for nothing.
     */
    static boolean available() {
        if (missing() != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and " + missing());
        }
        return missing() == null;
    }

    /**
     * Opens the service's dashboard, with a profile of its own under {@code profiles}. Called per test rather than for
     * the class, so that without a browser each test is reported as skipped, with the notice.
     */
    static DashboardBrowser open(final TrackerService service, final Path profiles) {
        Objects.requireNonNull(service, "service");
        assumeTrue(missing() == null, DashboardBrowser::missing);
        final ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profiles.resolve("chromium-" + System.nanoTime()));
        final DashboardBrowser browser = new DashboardBrowser(new ChromeDriver(driverService, options));
        browser.driver.get("http://localhost:" + service.httpPort() + "/");
        return browser;
    }

    WebDriver driver() {
        return driver;
    }

    WebElement find(final String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** The table's row of the partnership with this key ({@code EU:MD}). */
    WebElement row(final String key) {
        return find("[data-testid=partnership-row][data-key='" + key + "']");
    }

    /** Opens the partnership's detail, as a click on its row does. */
    void select(final String key) {
        row(key).click();
    }

    /** Types a value into a text control and commits it, as leaving the field does. */
    void enter(final String id, final String value) {
        ((JavascriptExecutor) driver).executeScript("const input = document.getElementById(arguments[0]);"
                + "input.value = arguments[1]; input.dispatchEvent(new Event('change'));", id, value);
    }

    /** Sets the as-of date and waits until the table shows that date. */
    void showAsOf(final String date) {
        enter("as-of", date);
        await("the table as of " + date).atMost(WAIT).until(() ->
                date.equals(driver.findElement(By.id("partnerships")).getAttribute("data-as-of")));
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** What is missing to run the browser tests and how to install it, or null when nothing is. */
    private static String missing() {
        if (CHROMIUM != null && CHROMEDRIVER != null) {
            return null;
        }
        return (CHROMIUM == null ? "Chromium (CHROME_BIN, or chromium on the PATH)"
                : "chromedriver (CHROMEDRIVER, or chromedriver on the PATH)") + " was not found; " + INSTALL_NOTICE;
    }
}
