package eu.partnershiptracker.query.http;

import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.query.http.DashboardBrowser.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.partnershiptracker.core.PartialDates;
import eu.partnershiptracker.model.DateBounds;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.model.Provenance;
import eu.partnershiptracker.query.service.TrackerService;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.nio.file.Path;
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
 * Certainty, names and conflicts in the dashboard, on the real stack ({@link TrackerFixture}) with events of its own:
 * EU-South Korea, whose FPA was signed on an unknown day between 12 July 2024 and August 2025, whose SDP negotiations
 * were launched in May 2023 and the SDP signed between November 2024 and March 2025, and whose joint declaration two
 * sources date differently, one by a day and one by bounds.
 *
 * <p>Every test here needs the fold of issue 9 (certainty, bounds and names in the state; conflicts at every as-of
 * date); the known-at and certainty tests also need the API's {@code knownAt} and {@code certainty} parameters.
 */
@ExtendWith(RealInfrastructure.class)
class DashboardCertaintyBrowserTest {

    private static final String KOREA = "EU:KR";

    @TempDir
    static Path directory;

    private static TrackerFixture fixture;
    private static TrackerService service;
    private DashboardBrowser browser;

    @BeforeAll
    static void startTheApplication(final Infrastructure infrastructure) {
        if (!DashboardBrowser.available()) {
            return;
        }
        fixture = new TrackerFixture(infrastructure, 1);
        service = fixture.startService();
        fixture.publish(
                korean(bounded("kr-fpa-signed", InstrumentType.FPA, EventKind.SIGNED, "2024-07-12", "2025-08"))
                        .setInstrumentName("Framework Participation Agreement"),
                korean(event("kr-sdp-launched", KOREA, InstrumentType.SDP, EventKind.NEGOTIATIONS_LAUNCHED, "2023-05")),
                korean(bounded("kr-sdp-signed", InstrumentType.SDP, EventKind.SIGNED, "2024-11", "2025-03")),
                korean(event("kr-jd-issued-a", KOREA, InstrumentType.JOINT_DECLARATION, EventKind.ISSUED,
                        "2022-05-21")).setProvenance(new Provenance("a.txt", "issued on 21 May 2022", null)),
                korean(bounded("kr-jd-issued-b", InstrumentType.JOINT_DECLARATION, EventKind.ISSUED, "2023", "2024"))
                        .setProvenance(new Provenance("b.txt", "issued in 2023 or 2024", null)));
        TrackerFixture.awaitEvent(service, KOREA, "kr-jd-issued-b");
    }

    @AfterAll
    static void stopTheApplication() {
        if (service != null) {
            service.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @BeforeEach
    void openTheDashboard() {
        browser = DashboardBrowser.open(service, directory);
        await("EU-South Korea in the table").atMost(WAIT).ignoreExceptions()
                .until(() -> browser.row(KOREA).findElement(By.cssSelector("[data-type=FPA]")).isDisplayed());
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aStepThatHasOnlyPossiblyHappenedIsDrawnDashedWithItsBounds() {
        browser.showAsOf("2025-01-15");
        final WebElement fpa = browser.row(KOREA).findElement(By.cssSelector("[data-type=FPA]"));
        final WebElement sdp = browser.row(KOREA).findElement(By.cssSelector("[data-type=SDP]"));

        assertThat(fpa.getAttribute("data-certainty")).isEqualTo("POSSIBLE");
        assertThat(fpa.findElement(By.cssSelector("[data-testid=instrument-status]")).getText())
                .isEqualTo("possibly signed");
        assertThat(fpa.getAttribute("title")).contains("[2024-07-12..2025-08]");
        assertThat(fpa.getCssValue("border-top-style")).isEqualTo("dashed");
        assertThat(sdp.getCssValue("border-top-style")).as("a certain status").isEqualTo("solid");

        browser.select(KOREA);
        await("the EU-South Korea detail").atMost(WAIT).ignoreExceptions().until(() ->
                browser.find("[data-testid=detail-instrument][data-type=FPA]").isDisplayed());
        assertThat(browser.find("[data-testid=detail-instrument][data-type=FPA] [data-testid=status-bounds]")
                .getText()).isEqualTo("between 12 July 2024 and August 2025 [2024-07-12..2025-08]");
        assertThat(browser.find("[data-testid=timeline-event][data-event-id=kr-fpa-signed] [data-testid=event-date]").getText())
                .isEqualTo("between 12 July 2024 and August 2025 [2024-07-12..2025-08]");
    }

    @Test
    void aCertainStatusWithALaterPossibleStepShowsBoth() {
        browser.showAsOf("2025-01-15");
        final WebElement sdp = browser.row(KOREA).findElement(By.cssSelector("[data-type=SDP]"));

        assertThat(sdp.getAttribute("data-certainty")).isEqualTo("CERTAIN");
        assertThat(sdp.getText()).contains("negotiating since May 2023");
        final WebElement possible = sdp.findElement(By.cssSelector("[data-testid=possible-step]"));
        assertThat(possible.getText()).isEqualTo("possibly signed between November 2024 and March 2025");
        assertThat(possible.getAttribute("title")).contains("[2024-11..2025-03]");
        assertThat(possible.getCssValue("border-top-style")).isEqualTo("dashed");
    }

    @Test
    void aStepPastTheEndOfItsUpperBoundIsCertain() {
        final WebElement fpa = browser.row(KOREA).findElement(By.cssSelector("[data-type=FPA]"));

        assertThat(fpa.getAttribute("data-certainty")).isEqualTo("CERTAIN");
        assertThat(fpa.getText()).endsWith("signed between 12 July 2024 and August 2025");
        assertThat(fpa.getCssValue("border-top-style")).isEqualTo("solid");
    }

    @Test
    void namesAreShownWithTheCodesAtHand() {
        final WebElement row = browser.row(KOREA);

        assertThat(row.getText()).startsWith("EU \u2013 South Korea");
        assertThat(row.findElement(By.cssSelector("[data-testid=partnership-code]")).getText()).isEqualTo(KOREA);
        final WebElement fpa = row.findElement(By.cssSelector("[data-type=FPA]"));
        assertThat(fpa.findElement(By.cssSelector("[data-testid=instrument-name]")).getText())
                .isEqualTo("Framework Participation Agreement");
        assertThat(fpa.getAttribute("title")).startsWith("FPA");

        browser.select(KOREA);
        await("the detail's title").atMost(WAIT).ignoreExceptions().until(() ->
                browser.driver().findElement(By.id("detail-title")).getText().startsWith("EU \u2013 South Korea"));
    }

    @Test
    void aConflictWithABoundedClaimIsListedBeforeItsDates() {
        // As of mid-2023 the bounded claim [2023..2024] has only possibly happened, yet the conflict is listed.
        browser.showAsOf("2023-06-30");
        browser.select(KOREA);
        await("the joint declaration's conflict").atMost(WAIT).ignoreExceptions().until(() ->
                browser.find("[data-testid=conflict]").isDisplayed());
        final WebElement conflict = browser.find("[data-testid=conflict]");

        assertThat(conflict.getAttribute("data-conflict-type")).isEqualTo("DATES");
        assertThat(conflict.getText()).contains("issued");
        assertThat(conflict.findElement(By.cssSelector("[data-testid=claim][data-event-id=kr-jd-issued-a]"))
                .getText()).isEqualTo("21 May 2022 (a.txt) \u2014 chosen");
        assertThat(conflict.findElement(By.cssSelector("[data-testid=claim][data-event-id=kr-jd-issued-b]"))
                .getText()).isEqualTo("between 2023 and 2024 [2023..2024] (b.txt)");
        assertThat(conflict.findElement(By.cssSelector("[data-testid=conflict-rule]")).getText()).startsWith("rule: ");
    }

    @Test
    void includePossibleAsksForEveryCertainty() {
        browser.driver().findElement(By.id("include-possible")).click();

        // The table records the certainty of the answer it shows, so this waits for an answer to the new request.
        await("the table with possible steps").atMost(WAIT).until(() ->
                "ANY".equals(browser.driver().findElement(By.id("partnerships")).getAttribute("data-certainty")));
        assertThat(browser.row(KOREA).findElement(By.cssSelector("[data-type=FPA]")).isDisplayed()).isTrue();
    }

    @Test
    void knownAtShowsTheStateAsTheTrackerKnewIt() {
        // Nothing had been recorded in 2000.
        browser.enter("known-at", "2000-01-01");
        await("the table as known at 2000-01-01").atMost(WAIT).ignoreExceptions().until(() ->
                browser.find("[data-testid=no-partnerships]").isDisplayed());

        browser.enter("known-at", "");
        await("the table with everything recorded").atMost(WAIT).ignoreExceptions().until(() ->
                browser.row(KOREA).isDisplayed());
    }

    /** The events of the partnership carry the counterpart's name, as the producer stamps it. */
    private static PolicyEvent.Builder korean(final PolicyEvent.Builder event) {
        return event.setCounterpartName("South Korea");
    }

    /** An event of EU-South Korea whose date is known only by bounds. */
    private static PolicyEvent.Builder bounded(final String id, final InstrumentType instrument, final EventKind kind,
            final String notBefore, final String notAfter) {
        return event(id, KOREA, instrument, kind, notBefore).setEventDate(null)
                .setDateBounds(new DateBounds(PartialDates.parse(notBefore), PartialDates.parse(notAfter)));
    }
}
