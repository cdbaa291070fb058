package org.referrals.command.referral;

import java.time.Instant;
import java.util.function.Supplier;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.referrals.api.common.Actor;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ConsentOverride;
import org.referrals.api.referral.ReferralLegalBasis;
import org.referrals.command.caseregistry.Case;
import org.referrals.command.common.BusinessRule;
import org.referrals.command.common.BusinessRuleViolationException;
import org.referrals.command.common.ResourceNotVisibleException;
import org.referrals.command.common.TextSealer;
import org.referrals.command.household.Household;
import org.referrals.command.partner.Partner;

/**
 * The cross-aggregate rules of a new referral, checked against the current state of the {@link Partner} and
 * {@link Case} aggregates (never against what the caller claims): the case is the sender's to refer, open and not
 * erased; the receiving partner is active and offers the category; a valid legal basis of the case covers that
 * partner and category, or a coordinator overrides with a justification; a goal it names is an open goal of the
 * case's plan that the category serves; for the whole household, every other member's legal basis covers it too.
 */
class ReferralEligibility {

    private final Repository<Partner> partners;
    private final Repository<Case> cases;
    private final Repository<Household> households;

    private final TextSealer texts;

    ReferralEligibility(Repository<Partner> partners, Repository<Case> cases, Repository<Household> households, TextSealer texts) {
        this.partners = partners;
        this.cases = cases;
        this.households = households;
        this.texts = texts;
    }

    /** What a permitted referral needs to record. */
    record Verdict(String fromPartnerId, ReferralLegalBasis legalBasis, String householdId) {
    }

    Verdict check(String caseId, String toPartnerId, ServiceCategory category, String goalId, boolean forHousehold,
                  ConsentOverride override, Actor actor, Instant now) {
        Aggregate<Case> referredCase = loadCase(caseId);
        String owner = referredCase.invoke(found -> {
            found.requireOwnerOrCoordinator(actor);
            found.requireOpenAndNotErased();
            if (goalId != null) {
                found.requireGoalServedBy(goalId, category);
            }
            if (forHousehold && found.householdId() == null) {
                throw new BusinessRuleViolationException(BusinessRule.HOUSEHOLD_NONE,
                        "case %s belongs to no household; refer it for its own person".formatted(caseId));
            }
            return found.owningPartnerId();
        });
        requireCanReceive(toPartnerId, category);
        ReferralLegalBasis basis = referredCase
                .invoke(found -> found.legalBasisFor(toPartnerId, category, now))
                .map(consent -> ReferralLegalBasis.consent(consent.consentId(), consent.legalBasis()))
                .orElseGet(() -> overrideBy(caseId, actor, override, () -> referredCase.invoke(
                        found -> found.missingLegalBasis(toPartnerId, category, now))));
        String household = forHousehold ? referredCase.invoke(Case::householdId) : null;
        if (household != null && !basis.isOverride()) {
            // a member not covered: the referral then stands on a coordinator's override, recorded as its basis
            var uncovered = uncoveredMember(household, caseId, toPartnerId, category, now);
            if (uncovered != null) {
                basis = overrideBy(caseId, actor, override, () -> uncovered);
            }
        }
        return new Verdict(owner, basis, household);
    }

    /**
     * A service for the whole household shares something of every member (role, age band, a child's vulnerability):
     * each other member's own legal basis must cover that partner and category too (an erased member shares nothing).
     * Answers why the first member not covered is not, or null when all are.
     */
    private BusinessRuleViolationException uncoveredMember(String household, String referredCaseId, String toPartnerId,
                                                           ServiceCategory category, Instant now) {
        for (String memberId : households.load(household).invoke(Household::memberIds)) {
            if (memberId.equals(referredCaseId)) {
                continue;
            }
            Aggregate<Case> member = loadCase(memberId);
            if (!member.invoke(Case::isErased) && member.invoke(found -> found.legalBasisFor(toPartnerId, category, now)).isEmpty()) {
                BusinessRuleViolationException why = member.invoke(found -> found.missingLegalBasis(toPartnerId, category, now));
                return new BusinessRuleViolationException(why.rule(), "household member %s: %s".formatted(memberId, why.getMessage()));
            }
        }
        return null;
    }

    private void requireCanReceive(String partnerId, ServiceCategory category) {
        Aggregate<Partner> partner;
        try {
            partner = partners.load(partnerId);
        } catch (AggregateNotFoundException unknown) {
            throw new BusinessRuleViolationException(BusinessRule.PARTNER_UNKNOWN,
                                                     "partner %s is not registered".formatted(partnerId));
        }
        if (!partner.invoke(Partner::isActive)) {
            throw new BusinessRuleViolationException(BusinessRule.PARTNER_SUSPENDED,
                                                     "partner %s is suspended and receives no new referrals".formatted(partnerId));
        }
        if (!partner.invoke(found -> found.offers(category))) {
            throw new BusinessRuleViolationException(BusinessRule.CATEGORY_NOT_OFFERED,
                                                     "partner %s does not offer %s".formatted(partnerId, category));
        }
    }

    /** Without a covering legal basis: the coordinator's justified override, or the reason why not. */
    private ReferralLegalBasis overrideBy(String caseId, Actor actor, ConsentOverride override,
                                                 Supplier<BusinessRuleViolationException> whyNot) {
        if (override == null) {
            throw whyNot.get();
        }
        if (!actor.isCoordinator() || override.justification() == null || override.justification().isBlank()) {
            throw new BusinessRuleViolationException(BusinessRule.CONSENT_OVERRIDE_NOT_ALLOWED,
                                                     "only a coordinator may override consent, with a written justification");
        }
        return ReferralLegalBasis.override(texts.sealText(caseId, override.justification()));
    }

    private Aggregate<Case> loadCase(String caseId) {
        try {
            return cases.load(caseId);
        } catch (AggregateNotFoundException unknown) {
            throw new ResourceNotVisibleException("case", caseId);
        }
    }
}
