package org.referrals.infra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referrals.infra.support.Samples.COORDINATOR;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.referrals.api.common.Actor;
import org.referrals.api.partner.AgreePartnership;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.MakeReferral;
import org.referrals.api.referral.Urgency;
import org.referrals.infra.support.RunningApplication;
import org.referrals.infra.support.Samples;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The dashboard in real headless Chromium against the running application: a coordinator sees the network map and
 * a verified timeline; a partner agent accepts, starts and delivers a referral in its inbox; a decline without a
 * reason shows the server's message in place; another partner's inbox does not show the referral. Screenshots go
 * to target/screenshots.
 */
class DashboardBrowserTest {

    private static final String ADMIN_KEY = "dashboard-test-admin-key-Zq7Vw2Lx9Tb4Nc8Rk3Hm6Jp";

    @TempDir
    static Path dataDir;
    private static RunningApplication app;
    private static String baseUrl;
    private static String coordinatorKey;
    private static String clinicKey;
    private static String otherNgoKey;
    private static String toDeliver;
    private static String toDecline;

    @BeforeAll
    static void network() {
        app = RunningApplication.start(dataDir, "referrals.bootstrap-admin-key=" + ADMIN_KEY);
        baseUrl = "http://127.0.0.1:" + app.context().getEnvironment().getProperty("local.server.port");
        app.send(Samples.partner("ngo-rabat"), COORDINATOR);
        app.send(Samples.partner("clinic-oujda", ServiceCategory.HEALTH_CARE), COORDINATOR);
        app.send(Samples.partner("ngo-tanger", ServiceCategory.LEGAL_AID), COORDINATOR);
        app.send(new AgreePartnership("ngo-rabat", "ngo-tanger", "legal aid for returnees"), COORDINATOR);
        WebTestClient web = app.web();
        coordinatorKey = key(web, Map.of("role", "COORDINATOR", "label", "coordination"));
        clinicKey = key(web, Map.of("role", "PARTNER_AGENT", "partnerId", "clinic-oujda", "label", "intake"));
        otherNgoKey = key(web, Map.of("role", "PARTNER_AGENT", "partnerId", "ngo-tanger", "label", "caseworker"));
        var registerCase = Samples.caseWithConsentForAnything();
        var ngo = Actor.partnerAgent("key-ngo", "ngo-rabat");
        app.send(registerCase, ngo);
        toDeliver = UUID.randomUUID().toString();
        toDecline = UUID.randomUUID().toString();
        app.send(new MakeReferral(toDeliver, registerCase.caseId(), "clinic-oujda", ServiceCategory.HEALTH_CARE, Urgency.PRIORITY,
                                  "medical check-up after return", null), ngo);
        app.send(new MakeReferral(toDecline, registerCase.caseId(), "clinic-oujda", ServiceCategory.HEALTH_CARE, Urgency.ROUTINE,
                                  "follow-up", null), ngo);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static String key(WebTestClient web, Map<String, String> body) {
        return web.post().uri("/api/admin/api-keys").header("X-API-Key", ADMIN_KEY).bodyValue(body).exchange()
                  .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("key").toString();
    }

    @Test
    void aCoordinatorSeesTheNetworkMapAndAVerifiedTimeline() {
        try (var browser = new Browser(baseUrl, 1366, 768)) {
            browser.signIn(coordinatorKey);
            browser.waitFor(d -> "3".equals(d.findElement(By.id("network-summary")).getDomAttribute("data-nodes")));
            assertThat(browser.find("#network-summary").getText()).contains("3 partenaires");
            browser.waitFor(d -> !d.findElements(By.cssSelector("#network-chart canvas")).isEmpty());
            browser.screenshot("coordinator-network");

            // the audit chain links a fresh event within a moment; the page shows the badge from the API's answer
            browser.waitFor(d -> {
                browser.open("#/timeline/" + toDeliver);
                return "true".equals(browser.find("#chain-badge").getDomAttribute("data-verified"));
            });
            assertThat(browser.find("#chain-badge").getText()).isEqualTo("Chaîne d’audit vérifiée");
            assertThat(browser.find("#timeline-table").getText()).contains("ReferralRequested");
            browser.screenshot("coordinator-timeline");
        }
    }

    @Test
    void aPartnerAgentAcceptsStartsAndDeliversAReferralInItsInbox() {
        try (var browser = new Browser(baseUrl, 1366, 768)) {
            browser.signIn(clinicKey);
            browser.find("tr[data-referral='" + toDeliver + "']").click();
            act(browser, "accept", null);
            browser.waitFor(d -> "ACCEPTED".equals(d.findElement(By.id("referral-status")).getText()));
            act(browser, "start", null);
            browser.waitFor(d -> "IN_PROGRESS".equals(d.findElement(By.id("referral-status")).getText()));
            act(browser, "deliver", "SERVICE_PROVIDED");
            browser.waitFor(d -> "DELIVERED".equals(d.findElement(By.id("referral-status")).getText()));
            browser.screenshot("agent-delivered");

            browser.open("#/inbox");
            browser.waitFor(d -> d.findElement(By.cssSelector("tr[data-referral='" + toDeliver + "'] .status")).getText().equals("DELIVERED"));
        }
    }

    @Test
    void aDeclineWithoutReasonShowsTheServersMessageInPlace() {
        try (var browser = new Browser(baseUrl, 1366, 768)) {
            browser.signIn(clinicKey);
            browser.open("#/referral/" + toDecline);
            browser.find("[data-action='decline']").click();
            browser.find("#form-decline button[type=submit]").click();
            browser.waitFor(d -> !d.findElement(By.id("action-error")).getText().isBlank());
            assertThat(browser.find("#action-error").getText()).contains("reasonCode");
            assertThat(browser.find("#referral-status").getText()).isEqualTo("REQUESTED");
            browser.screenshot("agent-decline-refused");
        }
    }

    @Test
    void anotherPartnersInboxDoesNotShowTheReferral() {
        try (var browser = new Browser(baseUrl, 390, 844)) { // a phone-width screen
            browser.signIn(otherNgoKey);
            browser.find("#inbox-total");
            assertThat(browser.driver().findElements(By.cssSelector("tr[data-referral='" + toDeliver + "']"))).isEmpty();
            assertThat(browser.driver().getPageSource()).doesNotContain(toDeliver);
            browser.open("#/referral/" + toDeliver);
            browser.waitFor(d -> d.findElement(By.cssSelector("main .error")).isDisplayed());
            browser.screenshot("other-partner-phone");
        }
    }

    /** Opens an action's form and sends it; retried while a live update redraws the page under the click. */
    private static void act(Browser browser, String action, String choice) {
        browser.waitFor(d -> {
            d.findElement(By.cssSelector("[data-action='" + action + "']")).click();
            if (choice != null) {
                new Select(d.findElement(By.cssSelector("#form-" + action + " select"))).selectByValue(choice);
            }
            d.findElement(By.cssSelector("#form-" + action + " button[type=submit]")).click();
            return true;
        });
    }
}
