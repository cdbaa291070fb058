package org.referrals.infra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referrals.infra.support.Samples.COORDINATOR;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The dashboard in real headless Chromium against the running application, in its three languages: a caseworker
 * registers a case and refers it from ranked suggestions (Arabic, right to left), withdraws a consent and closes a
 * case (French), records two assessments and sees the scores change (English), forms a household, agrees a plan,
 * refers for one of its goals and records another achieved (French); the receiving partner accepts, starts and delivers with a note (English) and the referrer reads
 * the note and closes the loop (French); a coordinator sees the network map and a verified, translated timeline; an analyst reads the statistics; an admin
 * issues a key; a refusal shows the server's problem in the user's language; another partner sees nothing; and
 * axe-core finds no accessibility violation in any view. Screenshots go to target/screenshots.
 */
class DashboardBrowserTest {

    private static final String ADMIN_KEY = "dashboard-test-admin-key-Zq7Vw2Lx9Tb4Nc8Rk3Hm6Jp";

    @TempDir
    static Path dataDir;
    private static RunningApplication app;
    private static String baseUrl;
    private static String coordinatorKey;
    private static String analystKey;
    private static String ngoKey;
    private static String clinicKey;
    private static String otherNgoKey;
    private static String caseId;
    private static String toDeliver;
    private static String toDecline;
    private static String toClose;

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
        analystKey = key(web, Map.of("role", "ANALYST", "label", "ministry analyst"));
        ngoKey = key(web, Map.of("role", "PARTNER_AGENT", "partnerId", "ngo-rabat", "label", "caseworker"));
        clinicKey = key(web, Map.of("role", "PARTNER_AGENT", "partnerId", "clinic-oujda", "label", "intake"));
        otherNgoKey = key(web, Map.of("role", "PARTNER_AGENT", "partnerId", "ngo-tanger", "label", "caseworker"));
        var registerCase = Samples.caseWithConsentForAnything();
        caseId = registerCase.caseId();
        var ngo = Actor.partnerAgent("key-ngo", "ngo-rabat");
        app.send(registerCase, ngo);
        toDeliver = UUID.randomUUID().toString();
        toDecline = UUID.randomUUID().toString();
        toClose = UUID.randomUUID().toString();
        app.send(new MakeReferral(toDeliver, caseId, "clinic-oujda", ServiceCategory.HEALTH_CARE, Urgency.PRIORITY,
                                  "medical check-up after return", null), ngo);
        app.send(new MakeReferral(toDecline, caseId, "clinic-oujda", ServiceCategory.HEALTH_CARE, Urgency.ROUTINE,
                                  "follow-up", null), ngo);
        app.send(new MakeReferral(toClose, caseId, "clinic-oujda", ServiceCategory.HEALTH_CARE, Urgency.ROUTINE,
                                  "dental care", null), ngo);
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
    void aCaseworkerRegistersACaseAndRefersItFromRankedSuggestionsInArabic() {
        try (var browser = new Browser(baseUrl, 1366, 900)) {
            browser.signIn(ngoKey);
            browser.language("ar");
            assertThat(browser.direction()).isEqualTo("rtl");
            browser.open("#/cases/new");
            browser.find("[name='person.givenName']").sendKeys("Amina");
            browser.find("[name='person.familyName']").sendKeys("Diallo");
            browser.find("[name='person.dateOfBirth']").sendKeys("14051999");
            new Select(browser.find("[name='person.sex']")).selectByValue("FEMALE");
            browser.find("[name='person.nationality']").sendKeys("SN");
            browser.find("[name='person.languages']").sendKeys("fr, wo");
            browser.find("[name='vulnerabilities'][value='GBV_SURVIVOR']").click();
            // the country of return is refused empty: the server's field error, in Arabic, on the field
            browser.find("[name='countryOfReturn']").clear();
            browser.find("#case-form button[type=submit]").click();
            browser.waitFor(d -> !d.findElement(By.id("case-error")).getText().isBlank());
            assertThat(browser.find("#case-error").getText()).contains("بلد العودة");
            assertThat(browser.find("[name='countryOfReturn']").getDomAttribute("aria-invalid")).isEqualTo("true");
            browser.find("[name='countryOfReturn']").sendKeys("MA");
            browser.find("#case-form button[type=submit]").click();

            browser.waitFor(d -> d.findElement(By.id("case-status")).getText().equals("مفتوح"));
            assertThat(browser.find("#person").getText()).contains("Amina", "الاسم الشخصي");
            new Select(browser.find("#refer-form [name='serviceCategory']")).selectByValue("HEALTH_CARE");
            browser.find("#find-partners").click();
            browser.find("#suggestions input[value='clinic-oujda']").click();
            assertThat(browser.find("#suggestions").getText()).contains("Partner clinic-oujda", "يتحدث fr");
            browser.find("#refer-form [name='reason']").sendKeys("فحص طبي بعد العودة");
            browser.screenshot("caseworker-refer-ar");
            browser.find("#refer-form button[type=submit]").click();

            browser.waitFor(d -> "REQUESTED".equals(d.findElement(By.id("referral-status")).getDomAttribute("data-status")));
            assertThat(browser.find("#referral-status").getText()).isEqualTo("مطلوبة");
            assertThat(browser.find("#referral-reason").getText()).isEqualTo("فحص طبي بعد العودة");
            browser.screenshot("caseworker-referral-ar");
            // the case's list of referrals comes from the figures' snapshot (a second or so behind): opened until there
            String caseLink = browser.find("a[href^='#/cases/']").getDomAttribute("href");
            browser.waitFor(d -> {
                browser.reload(caseLink);
                return !d.findElements(By.id("case-referrals")).isEmpty();
            });
            assertThat(browser.find("#case-referrals").getText()).contains("الرعاية الصحية", "مطلوبة");
        }
    }

    @Test
    void theReceiverDeliversInEnglishAndTheReferrerReadsTheNoteAndClosesInFrench() {
        try (var browser = new Browser(baseUrl, 1366, 768)) {
            browser.signIn(clinicKey);
            browser.language("en");
            browser.open("#/referral/" + toClose);
            assertThat(browser.find("#referral-reason").getText()).isEqualTo("dental care");
            act(browser, "accept", null, null);
            waitForStatus(browser, "ACCEPTED", "Accepted");
            act(browser, "start", null, null);
            waitForStatus(browser, "IN_PROGRESS", "In progress");
            act(browser, "deliver", "SERVICE_PROVIDED", "seen on Monday by the dentist");
            waitForStatus(browser, "DELIVERED", "Delivered");
        }
        try (var browser = new Browser(baseUrl, 1366, 768)) {
            browser.signIn(ngoKey);
            browser.language("fr");
            browser.open("#/referral/" + toClose);
            assertThat(browser.find("#notes").getText()).contains("seen on Monday by the dentist", "Service fourni", "Partner clinic-oujda");
            act(browser, "close", "NEED_MET", null);
            waitForStatus(browser, "CLOSED", "Clôturé");
            browser.open("#/timeline/" + toClose);
            browser.waitFor(d -> d.findElement(By.id("timeline-table")).getText().contains("Clôturé : Besoin satisfait"));
            assertThat(browser.find("#timeline-table").getText())
                    .contains("Référencement demandé", "Service fourni : Service fourni", "intake"); // the key's label, not its id
            browser.screenshot("referrer-timeline-fr");
        }
    }

    @Test
    void aCaseworkerWithdrawsAConsentAndClosesACaseInFrench() {
        var registerCase = Samples.caseWithConsentForAnything();
        app.send(registerCase, Actor.partnerAgent("key-ngo", "ngo-rabat"));
        try (var browser = new Browser(baseUrl, 1366, 900)) {
            browser.signIn(ngoKey);
            browser.language("fr");
            browser.waitFor(d -> {
                browser.reload("#/cases/" + registerCase.caseId());
                return !d.findElements(By.cssSelector("form[data-withdraw]")).isEmpty();
            });
            browser.find("form[data-withdraw] [name='note']").sendKeys("retrait demandé par la personne");
            browser.find("form[data-withdraw] button[type=submit]").click();
            browser.waitFor(d -> d.findElement(By.id("consent-table")).getText().contains("retiré"));
            new Select(browser.find("#close-form [name='reason']")).selectByValue("MOVED_AWAY");
            browser.find("#close-form button[type=submit]").click();
            browser.waitFor(d -> d.findElement(By.id("case-status")).getText().equals("Clôturé"));
            assertThat(browser.driver().findElements(By.id("refer-form"))).as("no referral from a closed case").isEmpty();
            browser.screenshot("caseworker-case-closed-fr");

            // the person's case found again by names and date of birth, written otherwise
            browser.open("#/cases");
            browser.find("#case-search [name='givenName']").sendKeys("ZAINABOU");
            browser.find("#case-search [name='familyName']").sendKeys("ndiayekoumba");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "arguments[0].value = '1991-07-23'", browser.find("#case-search [name='dateOfBirth']"));
            browser.find("#case-search button[type=submit]").click();
            browser.waitFor(d -> !d.findElements(By.cssSelector("#search-hits a[href='#/cases/" + registerCase.caseId() + "']")).isEmpty());
            assertThat(browser.find("#search-hits").getText()).contains("Clôturé");
        }
    }

    @Test
    void aCaseworkerRecordsTwoAssessmentsAndSeesTheScoresChangeInEnglish() {
        var registerCase = Samples.caseWithConsentForAnything();
        app.send(registerCase, Actor.partnerAgent("key-ngo", "ngo-rabat"));
        try (var browser = new Browser(baseUrl, 1366, 900)) {
            browser.signIn(ngoKey);
            browser.language("en");
            browser.waitFor(d -> {
                browser.reload("#/cases/" + registerCase.caseId());
                return !d.findElements(By.id("assessment-form")).isEmpty();
            });
            List<String> housing = List.of("POOR", "VERY_GOOD");
            for (int i = 0; i < housing.size(); i++) {
                browser.find("#assessments summary").click();
                new Select(browser.find("[name='answers.housing']")).selectByValue(housing.get(i));
                new Select(browser.find("[name='answers.supportNetwork']")).selectByValue("YES");
                browser.find("#assessment-form button[type=submit]").click();
                int rows = i + 1;
                browser.waitFor(d -> d.findElements(By.cssSelector("#assessment-table tbody tr")).size() == rows);
            }
            assertThat(browser.find("#assessment-message").getText()).isEqualTo("Assessment recorded.");
            // POOR .25 then VERY_GOOD 1 in the social dimension: +0.75; the composite (with psychosocial 1) from .625 to 1
            String table = browser.find("#assessment-table").getText();
            assertThat(table).contains("Social", "0.25", "(+0.75)", "0.625", "(+0.375)");
            browser.waitFor(d -> !d.findElements(By.cssSelector("#assessment-chart canvas")).isEmpty());
            browser.screenshot("caseworker-assessments-en");
        }
    }

    @Test
    void aCoordinatorSeesTheNetworkMapAndAVerifiedTimeline() {
        try (var browser = new Browser(baseUrl, 1366, 768)) {
            browser.signIn(coordinatorKey);
            browser.language("fr");
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
            assertThat(browser.find("#timeline-table").getText()).contains("Référencement demandé", "Soins de santé", "Partner clinic-oujda", "base légale : Consentement");
            browser.screenshot("coordinator-timeline");
        }
    }

    @Test
    void aCaseworkerFormsAHouseholdAgreesAPlanRefersForAGoalAndRecordsOneAchievedInFrench() {
        var registerCase = Samples.caseWithConsentForAnything();
        app.send(registerCase, Actor.partnerAgent("key-ngo", "ngo-rabat"));
        var child = Samples.caseWithConsentForAnything();
        app.send(child, Actor.partnerAgent("key-ngo", "ngo-rabat"));
        String target = java.time.LocalDate.now().plusMonths(6).toString();
        try (var browser = new Browser(baseUrl, 1366, 900)) {
            browser.signIn(ngoKey);
            browser.language("fr");
            browser.waitFor(d -> {
                browser.reload("#/cases/" + registerCase.caseId());
                return !d.findElements(By.id("plan-form")).isEmpty();
            });
            // the household: formed around this case, her child added by case number
            browser.find("#household-form").click();
            browser.find("#member-form [name='caseId']").sendKeys(child.caseId());
            new Select(browser.find("#member-form [name='role']")).selectByValue("CHILD");
            browser.find("#member-form button[type=submit]").click();
            browser.waitFor(d -> d.findElements(By.cssSelector("#household-table tr[data-member]")).size() == 2);
            assertThat(browser.find("#household-table").getText()).contains("Chef de ménage", "Enfant", "Zainabou");
            assertThat(browser.find("#case-message").getText()).isEqualTo("Membre ajouté.");

            assertThat(browser.find("#plan-state").getText()).startsWith("Pas encore de plan");
            goal(browser, "goals.0", "ECONOMIC", "un emploi salarié à Rabat", target, "EMPLOYMENT_JOB_PLACEMENT");
            browser.find("#plan-more").click();
            goal(browser, "goals.1", "PSYCHOSOCIAL", "un suivi de santé régulier", target, "HEALTH_CARE");
            browser.find("#plan-form button[type=submit]").click();
            browser.waitFor(d -> d.findElements(By.cssSelector("#goal-table tr[data-goal]")).size() == 2);
            assertThat(browser.find("#case-message").getText()).isEqualTo("Plan convenu.");
            assertThat(browser.find("#goal-table").getText()).contains("Économique", "un emploi salarié à Rabat", "Psychosocial", "En cours");

            // a referral for the health goal, from the case page's form
            new Select(browser.find("#refer-form [name='serviceCategory']")).selectByValue("HEALTH_CARE");
            new Select(browser.find("#refer-form [name='goalId']")).selectByVisibleText("Psychosocial: un suivi de santé régulier");
            browser.find("#find-partners").click();
            browser.find("#suggestions input[value='clinic-oujda']").click();
            browser.find("#refer-form [name='reason']").sendKeys("bilan de santé");
            browser.find("#refer-form button[type=submit]").click();
            browser.waitFor(d -> "REQUESTED".equals(d.findElement(By.id("referral-status")).getDomAttribute("data-status")));

            // the plan's referrals come from the figures' snapshot (a second or so behind): read afresh until there
            browser.waitFor(d -> {
                browser.reload("#/cases/" + registerCase.caseId());
                return !d.findElements(By.cssSelector("#goal-table [data-status='REQUESTED']")).isEmpty();
            });
            assertThat(browser.find("#goal-table").getText()).contains("Soins de santé", "Partner clinic-oujda");
            // the economic goal reached
            browser.find("form[data-end] [name='text']").sendKeys("embauchée en CDI");
            browser.find("form[data-end] button[data-outcome='achieve']").click();
            browser.waitFor(d -> !d.findElements(By.cssSelector("#goal-table [data-status='ACHIEVED']")).isEmpty());
            assertThat(browser.find("#case-message").getText()).isEqualTo("Objectif enregistré comme atteint.");
            assertThat(browser.find("#goal-table").getText()).contains("Atteint", "embauchée en CDI");
            browser.screenshot("caseworker-plan-fr");
        }
        try (var browser = new Browser(baseUrl, 1366, 900)) {
            browser.signIn(coordinatorKey);
            browser.language("ar");
            browser.open("#/escalations");
            browser.waitFor(d -> d.findElement(By.id("plan-total")).isDisplayed());
            assertThat(browser.find("main").getText()).contains("خطط متأخرة");
        }
    }

    /** Fills one goal of the plan form. */
    private static void goal(Browser browser, String prefix, String dimension, String description, String target, String category) {
        new Select(browser.find("[name='" + prefix + ".dimension']")).selectByValue(dimension);
        browser.find("[name='" + prefix + ".description']").sendKeys(description);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript( // a date field's typing order follows the locale
                "arguments[0].value = arguments[1]", browser.find("[name='" + prefix + ".targetDate']"), target);
        browser.find("[name='" + prefix + ".serviceCategories'][value='" + category + "']").click();
    }

    @Test
    void anAnalystReadsTheStatisticsAndAnAdminIssuesAKey() {
        try (var browser = new Browser(baseUrl, 1366, 768)) {
            browser.signIn(analystKey);
            browser.language("en");
            browser.open("#/stats");
            new Select(browser.find("#stats-filters [name='groupBy']")).selectByValue("category");
            browser.find("#stats-filters button[type=submit]").click();
            browser.waitFor(d -> d.findElement(By.id("stats-table")).getText().contains("Health care"));
            assertThat(browser.find("#stats-table").getText()).containsAnyOf("<5", "x"); // three referrals: never told exactly
            assertThat(browser.find("#quality-goals").getText()).contains("Economic", "Social", "Psychosocial");
        }
        try (var browser = new Browser(baseUrl, 1366, 768)) {
            browser.signIn(ADMIN_KEY);
            browser.language("fr");
            browser.find("#projection-table");
            new Select(browser.find("#key-form [name='role']")).selectByValue("ANALYST");
            browser.find("#key-form [name='label']").sendKeys("observatoire");
            browser.find("#key-form button[type=submit]").click();
            assertThat(browser.find("#issued-key").getText()).startsWith("rk_");
        }
    }

    @Test
    void aDeclineWithoutReasonShowsTheServersProblemInTheUsersLanguage() {
        try (var browser = new Browser(baseUrl, 1366, 768)) {
            browser.signIn(clinicKey);
            browser.language("fr");
            browser.open("#/referral/" + toDecline);
            browser.find("[data-action='decline']").click();
            browser.find("#form-decline button[type=submit]").click();
            browser.waitFor(d -> !d.findElement(By.id("action-error")).getText().isBlank());
            assertThat(browser.find("#action-error").getText()).contains("La demande n’est pas valide.", "Motif : valeur refusée");
            assertThat(browser.find("#referral-status").getDomAttribute("data-status")).isEqualTo("REQUESTED");
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

    @Test
    void axeFindsNoAccessibilityViolationInAnyView() {
        Map<String, List<String>> views = new LinkedHashMap<>();
        views.put(coordinatorKey, List.of("#/network", "#/caseloads", "#/inbox", "#/escalations", "#/cases", "#/stats",
                                          "#/timeline/" + toDeliver, "#/referral/" + toDeliver, "#/cases/" + caseId));
        views.put(ngoKey, List.of("#/cases/new", "#/inbox"));
        views.put(ADMIN_KEY, List.of("#/projections"));
        List<String> violations = new ArrayList<>();
        try (var browser = new Browser(baseUrl, 1366, 900)) {
            browser.open("");
            browser.find("#credential");
            violations.addAll(browser.accessibilityViolations().stream().map(v -> "sign-in: " + v).toList());
            for (var entry : views.entrySet()) {
                browser.signIn(entry.getKey());
                for (String lang : List.of("fr", "ar")) {
                    browser.language(lang);
                    for (String view : entry.getValue()) {
                        browser.open(view);
                        String shown = lang + " " + view;
                        browser.waitFor(d -> shown.equals(d.findElement(By.id("view")).getDomAttribute("data-shown")));
                        violations.addAll(browser.accessibilityViolations().stream().map(v -> lang + " " + view + ": " + v).toList());
                    }
                }
                browser.find("#signout").click();
            }
        }
        assertThat(violations).isEmpty();
    }

    private static void waitForStatus(Browser browser, String status, String shown) {
        browser.waitFor(d -> status.equals(d.findElement(By.id("referral-status")).getDomAttribute("data-status")));
        assertThat(browser.find("#referral-status").getText()).isEqualTo(shown);
    }

    /** Opens an action's form and sends it; retried while a live update redraws the page under the click. */
    private static void act(Browser browser, String action, String choice, String note) {
        browser.waitFor(d -> {
            d.findElement(By.cssSelector("[data-action='" + action + "']")).click();
            if (choice != null) {
                new Select(d.findElement(By.cssSelector("#form-" + action + " select"))).selectByValue(choice);
            }
            if (note != null) {
                d.findElement(By.cssSelector("#form-" + action + " textarea")).sendKeys(note);
            }
            d.findElement(By.cssSelector("#form-" + action + " button[type=submit]")).click();
            return true;
        });
    }
}
