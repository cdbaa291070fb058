package org.referrals.query.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.referrals.api.matching.Suggestions.Exclusion;
import org.referrals.api.matching.Suggestions.Suggestion;
import org.referrals.api.partner.PartnerKind;
import org.referrals.api.partner.PartnerView;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.partner.ServiceOffer;
import org.referrals.api.referral.Urgency;

/** Six partners offering health care in known states, and one that does not: the ranking, exactly. */
class PartnerRankingTest {

    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    private static PartnerRanking.Candidate partner(String id, boolean active, List<String> regions, Integer capacity,
                                                    long activeLoad, Double rate, Double medianHours, List<String> languages,
                                                    ServiceCategory category) {
        var view = new PartnerView(id, "Partner " + id, PartnerKind.NGO, "MA", regions, languages, id + "@example.org",
                                   List.of(new ServiceOffer(category, capacity, null)), active, capacity, NOW);
        return new PartnerRanking.Candidate(view, activeLoad, rate, medianHours);
    }

    private static final List<PartnerRanking.Candidate> NETWORK = List.of(
            partner("alpha", true, List.of("Oriental"), 10, 2, 0.8, 6.0, List.of("fr", "ar"), ServiceCategory.HEALTH_CARE),
            partner("bravo", true, List.of("Rabat"), null, 0, null, null, List.of("wo"), ServiceCategory.HEALTH_CARE),
            partner("charlie", true, List.of("oriental"), 5, 5, 1.0, 2.0, List.of("en"), ServiceCategory.HEALTH_CARE),
            partner("delta", false, List.of("Oriental"), 20, 0, 0.5, 30.0, List.of("fr"), ServiceCategory.HEALTH_CARE),
            partner("echo", true, List.of("Oriental", "Rabat"), 4, 1, 0.25, 12.0, List.of("ar"), ServiceCategory.HEALTH_CARE),
            partner("foxtrot", true, List.of("Oriental"), 10, 0, 1.0, 1.0, List.of("fr", "wo"), ServiceCategory.HEALTH_CARE),
            partner("golf", true, List.of("Oriental"), 10, 0, 1.0, 1.0, List.of("fr"), ServiceCategory.LEGAL_AID));

    /** A consent for health care with five named partners, and a withdrawn one for anything. */
    private static final List<PartnerRanking.Consent> CONSENTS = List.of(
            new PartnerRanking.Consent(List.of("HEALTH_CARE"), List.of("alpha", "bravo", "charlie", "delta", "echo"), null, false),
            new PartnerRanking.Consent(List.of(), List.of(), null, true));

    /** As a coordinator sees it. */
    private static List<Suggestion> ranking() {
        return ranking(true);
    }

    private static List<Suggestion> ranking(boolean exact) {
        return PartnerRanking.rank(NETWORK, List.of("fr", "wo"), CONSENTS, ServiceCategory.HEALTH_CARE, "Oriental",
                                   Urgency.EMERGENCY, NOW, exact);
    }

    @Test
    void eligiblePartnersComeFirstBestFirstThenTheExcludedMarkedWithWhy() {
        List<Suggestion> ranking = ranking();
        assertThat(ranking).extracting(Suggestion::partnerId)
                           .containsExactly("alpha", "echo", "bravo", "foxtrot", "delta", "charlie");
        assertThat(ranking).extracting(Suggestion::score).containsExactly(87.3, 61.3, 40.0, 99.4, 75.0, 63.8);
        assertThat(ranking).extracting(Suggestion::eligible).containsExactly(true, true, true, false, false, false);
        assertThat(ranking).extracting(Suggestion::exclusions).containsExactly(
                List.of(), List.of(), List.of(), List.of(Exclusion.OUTSIDE_CONSENT_SCOPE), List.of(Exclusion.SUSPENDED),
                List.of(Exclusion.AT_CAPACITY));
    }

    @Test
    void eachScoreIsExplainedInWordsWithItsPoints() {
        List<Suggestion> ranking = ranking();
        assertThat(ranking.get(0).explanation()).containsExactly(
                "serves Oriental (+30)",
                "8 of 10 places free (+20)",
                "accepted 80% of the referrals it answered (+16)",
                "answers in a median of 6 h, against the 24 h an EMERGENCY referral allows (+11.3)",
                "speaks fr (+10)");
        assertThat(ranking.get(2).explanation()).containsExactly(
                "does not serve Oriental (+0)",
                "states no capacity (+12.5)",
                "has answered no referral yet (+10)",
                "no response time known yet (+7.5)",
                "speaks wo (+10)");
        assertThat(ranking.get(5).explanation()).contains("0 of 5 places free (+0)", "shares no language with the person (+0)");
    }

    @Test
    void withoutRegionOrKnownLanguagesThoseCriteriaGiveNothing() {
        List<Suggestion> ranking = PartnerRanking.rank(NETWORK, List.of(), CONSENTS, ServiceCategory.HEALTH_CARE, null,
                                                       Urgency.ROUTINE, NOW, true);
        Suggestion alpha = ranking.stream().filter(s -> s.partnerId().equals("alpha")).findFirst().orElseThrow();
        // 20 + 16 + 15 x (1 - 6/168) = 14.5
        assertThat(alpha.score()).isEqualTo(50.5);
        assertThat(alpha.explanation()).contains("no region asked (+0)", "the person's languages are not known (+0)");
    }

    /** A partner agent may not read other partners' caseloads: the same ranking, told without their figures. */
    @Test
    void aPartnerAgentIsToldOtherPartnersFiguresInWordsAndTheScoreInTens() {
        List<Suggestion> agents = ranking(false);
        assertThat(agents).extracting(Suggestion::partnerId).containsExactly("alpha", "echo", "bravo", "foxtrot", "delta", "charlie");
        assertThat(agents).extracting(Suggestion::score).containsExactly(90.0, 60.0, 40.0, 100.0, 80.0, 60.0);
        assertThat(agents.get(0).explanation()).containsExactly(
                "serves Oriental (+30)",
                "has free places",
                "accepts most referrals it answers",
                "usually answers within the time an EMERGENCY referral allows",
                "speaks fr (+10)");
        assertThat(agents.get(5).explanation()).contains("has no free place");
        assertThat(agents).flatExtracting(Suggestion::explanation)
                          .noneMatch(sentence -> sentence.matches(".*\\d+ of \\d+.*|.*%.*|.*median.*"));
    }
}
