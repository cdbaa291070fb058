package org.referrals.query.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.referrals.api.matching.Suggestions.Criterion;
import org.referrals.api.matching.Suggestions.Exclusion;
import org.referrals.api.matching.Suggestions.Suggestion;
import org.referrals.api.partner.PartnerView;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.Urgency;

/**
 * Ranks the partners offering a category for one case. Points, 100 at most: 30 when the partner serves the asked
 * region; 25 times the share of its capacity that is free (12.5 when it states none); 20 times its acceptance
 * rate (10 before any answer); 15 times how much of the urgency's response time its median answer leaves unused
 * (7.5 before any answer); 10 when it speaks a language of the person. Suspended partners, partners without a free
 * place and partners no valid consent of the case covers are marked, and ranked after the others.
 *
 * <p>A partner agent may not read other partners' caseloads, so for agents ({@code exact} false) the explanation
 * tells capacity, acceptance and response time in words without figures or points, and the score is rounded to
 * tens: enough to choose, not enough to work out another partner's free places or acceptance rate. Coordinators
 * see the figures.
 */
public final class PartnerRanking {

    /** A partner with the figures of its caseload. */
    public record Candidate(PartnerView partner, long activeLoad, Double acceptanceRate, Double medianHoursToRespond) {
    }

    /** A consent of the case as the read model holds it. */
    public record Consent(List<String> categories, List<String> partnerIds, Instant expiresAt, boolean withdrawn) {

        boolean covers(String partnerId, ServiceCategory category, Instant at) {
            return !withdrawn && (expiresAt == null || at.isBefore(expiresAt))
                    && (categories.isEmpty() || categories.contains(category.name()))
                    && (partnerIds.isEmpty() || partnerIds.contains(partnerId));
        }
    }

    private PartnerRanking() {
    }

    public static List<Suggestion> rank(List<Candidate> candidates, List<String> caseLanguages, List<Consent> consents,
                                        ServiceCategory category, String region, Urgency urgency, Instant now, boolean exact) {
        List<Suggestion> suggestions = new ArrayList<>();
        for (Candidate candidate : candidates) {
            PartnerView partner = candidate.partner();
            if (partner.services().stream().noneMatch(offer -> offer.category() == category)) {
                continue;
            }
            Explanation explanation = new Explanation();
            double score = region(partner, region, explanation)
                    + capacity(candidate, explanation, exact)
                    + acceptance(candidate, explanation, exact)
                    + speed(candidate, urgency, explanation, exact)
                    + language(partner, caseLanguages, explanation);
            List<Exclusion> exclusions = new ArrayList<>();
            if (!partner.active()) {
                exclusions.add(Exclusion.SUSPENDED);
            }
            if (partner.capacity() != null && partner.capacity() - candidate.activeLoad() <= 0) {
                exclusions.add(Exclusion.AT_CAPACITY);
            }
            if (consents.stream().noneMatch(consent -> consent.covers(partner.partnerId(), category, now))) {
                exclusions.add(Exclusion.OUTSIDE_CONSENT_SCOPE);
            }
            suggestions.add(new Suggestion(partner.partnerId(), partner.name(), exact ? round(score) : Math.round(score / 10) * 10.0,
                                           exclusions.isEmpty(),
                                           explanation.texts, exclusions, explanation.criteria));
        }
        suggestions.sort(Comparator.comparing(Suggestion::eligible).reversed()
                                   .thenComparing(Comparator.comparingDouble(Suggestion::score).reversed())
                                   .thenComparing(Suggestion::partnerId));
        return suggestions;
    }

    private static double region(PartnerView partner, String region, Explanation explanation) {
        if (region == null || region.isBlank()) {
            explanation.add("no region asked (+0)", "noRegion", 0.0);
            return 0;
        }
        boolean serves = partner.regions().stream().anyMatch(r -> r.equalsIgnoreCase(region.trim()));
        explanation.add(serves ? "serves " + region + " (+30)" : "does not serve " + region + " (+0)", serves ? "servesRegion" : "notRegion",
                        serves ? 30.0 : 0.0, "region", region);
        return serves ? 30 : 0;
    }

    private static double capacity(Candidate candidate, Explanation explanation, boolean exact) {
        Integer capacity = candidate.partner().capacity();
        if (capacity == null) {
            explanation.add(exact ? "states no capacity (+12.5)" : "states no capacity", "noCapacityStated", exact ? 12.5 : null);
            return 12.5;
        }
        long free = Math.max(0, capacity - candidate.activeLoad());
        double points = capacity == 0 ? 0 : round(25.0 * free / capacity);
        if (exact) {
            explanation.add("%d of %d places free (+%s)".formatted(free, capacity, format(points)), "placesFree", points,
                            "free", Long.toString(free), "capacity", capacity.toString());
        } else {
            explanation.add(free == 0 ? "has no free place" : 2 * free >= capacity ? "has free places" : "has few free places",
                            free == 0 ? "noFreePlace" : 2 * free >= capacity ? "freePlaces" : "fewFreePlaces", null);
        }
        return points;
    }

    private static double acceptance(Candidate candidate, Explanation explanation, boolean exact) {
        Double rate = candidate.acceptanceRate();
        if (rate == null) {
            explanation.add(exact ? "has answered no referral yet (+10)" : "has answered no referral yet", "noAnswerYet", exact ? 10.0 : null);
            return 10;
        }
        double points = round(20 * rate);
        if (exact) {
            explanation.add("accepted %d%% of the referrals it answered (+%s)".formatted(Math.round(rate * 100), format(points)),
                            "acceptedShare", points, "percent", Long.toString(Math.round(rate * 100)));
        } else {
            String share = rate >= 2 / 3.0 ? "most" : rate >= 1 / 3.0 ? "some" : "few";
            explanation.add("accepts " + share + " referrals it answers", "accepts_" + share, null);
        }
        return points;
    }

    private static double speed(Candidate candidate, Urgency urgency, Explanation explanation, boolean exact) {
        Double median = candidate.medianHoursToRespond();
        long allowed = urgency.responseTime().toHours();
        if (median == null) {
            explanation.add(exact ? "no response time known yet (+7.5)" : "no response time known yet", "noResponseTime", exact ? 7.5 : null);
            return 7.5;
        }
        double points = round(15 * Math.max(0, 1 - median / allowed));
        String article = urgency == Urgency.EMERGENCY ? "n" : "";
        if (exact) {
            explanation.add("answers in a median of %s h, against the %d h a%s %s referral allows (+%s)".formatted(
                                    format(round(median)), allowed, article, urgency, format(points)), "medianResponse", points,
                            "hours", format(round(median)), "allowed", Long.toString(allowed), "Urgency", urgency.name());
        } else {
            boolean within = median <= allowed;
            explanation.add("usually answers %s the time a%s %s referral allows".formatted(within ? "within" : "after", article, urgency),
                            within ? "answersWithin" : "answersAfter", null, "Urgency", urgency.name());
        }
        return points;
    }

    private static double language(PartnerView partner, List<String> caseLanguages, Explanation explanation) {
        if (caseLanguages == null || caseLanguages.isEmpty()) {
            explanation.add("the person's languages are not known (+0)", "languagesUnknown", 0.0);
            return 0;
        }
        List<String> shared = partner.languages().stream()
                                     .filter(l -> caseLanguages.stream().anyMatch(c -> c.equalsIgnoreCase(l)))
                                     .map(l -> l.toLowerCase(Locale.ROOT)).sorted().toList();
        explanation.add(shared.isEmpty() ? "shares no language with the person (+0)" : "speaks " + String.join(", ", shared) + " (+10)",
                        shared.isEmpty() ? "noSharedLanguage" : "speaks", shared.isEmpty() ? 0.0 : 10.0, "languages", String.join(", ", shared));
        return shared.isEmpty() ? 0 : 10;
    }

    /** A score's criteria, each as English text and as a code with its points and values (for other languages). */
    private static final class Explanation {

        final List<String> texts = new ArrayList<>();
        final List<Criterion> criteria = new ArrayList<>();

        void add(String text, String code, Double points, String... namesAndValues) {
            texts.add(text);
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                values.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            criteria.add(new Criterion(code, points, values));
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
