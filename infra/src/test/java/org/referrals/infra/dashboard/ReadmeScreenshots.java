package org.referrals.infra.dashboard;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;

/**
 * Takes the README's screenshots from an application running with demo data; not part of the build. Run it as
 * {@code mvn -pl infra test -Dtest=ReadmeScreenshots -Dscreenshots.url=http://localhost:8080
 * -Dscreenshots.keys=<path of data/demo-keys.txt>}; the pictures go to docs/screenshots: the coordinator's views in
 * French, the caseworker's referral form in Arabic and the case's plan in French.
 */
@EnabledIfSystemProperty(named = "screenshots.url", matches = ".+")
class ReadmeScreenshots {

    @Test
    void networkMapAndTimeline() throws java.io.IOException {
        Path target = Path.of("..", "docs", "screenshots");
        java.util.List<String> keys = java.nio.file.Files.readAllLines(Path.of(System.getProperty("screenshots.keys")));
        System.setProperty("screenshots.key", keys.get(0).split(" ")[1]);
        try (var browser = new Browser(System.getProperty("screenshots.url"), 1366, 1000)) {
            browser.signIn(System.getProperty("screenshots.key"));
            browser.language("fr");
            browser.waitFor(d -> !d.findElements(By.cssSelector("#network-chart canvas")).isEmpty());
            sleep(4000); // the force layout settles
            browser.screenshot(target.resolve("network-map.png"));

            browser.open("#/timeline/" + closedReferral());
            browser.waitFor(d -> !"null".equals(d.findElement(By.id("chain-badge")).getDomAttribute("data-verified")));
            browser.waitFor(d -> !d.findElement(By.id("chain-whole")).getText().isBlank());
            browser.screenshot(target.resolve("timeline.png"));

            browser.open("#/caseloads");
            browser.waitFor(d -> !d.findElements(By.cssSelector("#status-chart canvas")).isEmpty());
            sleep(1500);
            browser.screenshot(target.resolve("caseloads.png"));
        }
        try (var browser = new Browser(System.getProperty("screenshots.url"), 1366, 1000)) {
            browser.signIn(keys.get(1).split(" ")[2]); // the NGO's caseworker
            browser.language("ar");
            browser.open("#/inbox");
            new org.openqa.selenium.support.ui.Select(browser.find("#inbox-filters [name='direction']")).selectByValue("outbound");
            browser.find("#inbox-filters button[type=submit]").click();
            browser.waitFor(d -> d.findElement(org.openqa.selenium.By.id("inbox-total")).getText().length() > 0
                                 && d.findElements(org.openqa.selenium.By.cssSelector("[data-status='REQUESTED'], [data-status]")).size() > 0);
            browser.waitFor(d -> {
                d.findElement(org.openqa.selenium.By.cssSelector("tr[data-referral]")).click();
                return true;
            });
            browser.find("#referral-status");
            String caseLink = browser.find("a[href^='#/cases/']").getDomAttribute("href");
            browser.open(caseLink);
            new org.openqa.selenium.support.ui.Select(browser.find("#refer-form [name='serviceCategory']")).selectByValue("HEALTH_CARE");
            browser.find("#find-partners").click();
            browser.find("#suggestions input:not([disabled])").click();
            browser.find("#refer-form [name='reason']").sendKeys("فحص طبي بعد العودة");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('refer').scrollIntoView()");
            browser.screenshot(target.resolve("refer-ar.png"));

            // the same case's reintegration plan, in French: goals by dimension, each with its referrals
            browser.language("fr");
            browser.open(caseLink);
            browser.waitFor(d -> !d.findElements(By.id("goal-table")).isEmpty());
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('plan').scrollIntoView()");
            browser.screenshot(target.resolve("plan-fr.png"));
        }
    }

    /** A referral that went the whole way, so the timeline has its every step. */
    private static String closedReferral() {
        String url = System.getProperty("screenshots.url");
        for (String partner : java.util.List.of("health-facility-01", "health-facility-02", "ngo-01")) {
            String page = java.net.http.HttpClient.newHttpClient().sendAsync(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url + "/api/referrals?direction=inbound&status=CLOSED&size=1&partnerId=" + partner))
                    .header("X-API-Key", System.getProperty("screenshots.key")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).join().body();
            var found = java.util.regex.Pattern.compile("\"referralId\":\"([0-9a-f-]{36})\"").matcher(page);
            if (found.find()) {
                return found.group(1);
            }
        }
        throw new IllegalStateException("no closed referral in the demo data");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
