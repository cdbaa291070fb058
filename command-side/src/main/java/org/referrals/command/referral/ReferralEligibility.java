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
import org.referrals.command.partner.Partner;

/**
 * The cross-aggregate rules of a new referral, checked against the current state of the {@link Partner} and
 * {@link Case} aggregates (never against what the caller claims): the case is the sender's to refer, open and not
 * erased; the receiving partner is active and offers the category; a valid legal basis of the case covers that
 * partner and category, or a coordinator overrides with a justification; a goal it names is an open goal of the
 * case's plan that the category serves.
 */
class ReferralEligibility {

    private final Repository<Partner> partners;
    private final Repository<Case> cases;

    private final TextSealer texts;

    ReferralEligibility(Repository<Partner> partners, Repository<Case> cases, TextSealer texts) {
        this.partners = partners;
        this.cases = cases;
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
        return new Verdict(owner, basis, forHousehold ? referredCase.invoke(Case::householdId) : null);
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
