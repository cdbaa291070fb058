package org.referrals.command.referral;

import static org.referrals.command.common.Permissions.requireRole;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.common.SealedText;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.MakeReferral;
import org.referrals.api.referral.RedirectReferral;
import org.referrals.api.referral.ReferralLegalBasis;
import org.referrals.api.referral.ReferralRequested;
import org.referrals.api.referral.ReferralResult;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.Urgency;
import org.referrals.command.caseregistry.Case;
import org.referrals.command.common.TextSealer;
import org.referrals.command.household.Household;
import org.referrals.command.partner.Partner;
import org.springframework.stereotype.Component;

/** Creates referrals (new or redirected) after {@link ReferralEligibility} checked the other aggregates. */
@Component
public class ReferralCommandHandler {

    private final Repository<Referral> referrals;
    private final ReferralEligibility eligibility;
    private final Clock clock;
    private final TextSealer texts;

    public ReferralCommandHandler(Repository<Referral> referralRepository, Repository<Partner> partnerRepository,
                                  Repository<Case> caseRepository, Repository<Household> householdRepository, Clock clock,
                                  TextSealer texts) {
        this.referrals = referralRepository;
        this.eligibility = new ReferralEligibility(partnerRepository, caseRepository, householdRepository, texts);
        this.clock = clock;
        this.texts = texts;
    }

    @CommandHandler
    public ReferralResult handle(MakeReferral command, Actor actor) throws Exception {
        requireRole(actor, "MakeReferral", Role.PARTNER_AGENT, Role.COORDINATOR);
        Instant now = clock.instant();
        var verdict = eligibility.check(command.caseId(), command.toPartnerId(), command.serviceCategory(),
                                        command.goalId(), Boolean.TRUE.equals(command.forHousehold()),
                                        command.consentOverride(), actor, now);
        return request(command.referralId(), command.caseId(), verdict.fromPartnerId(), command.toPartnerId(),
                       command.serviceCategory(), command.urgency(), texts.sealText(command.caseId(), command.reason()), null,
                       verdict.legalBasis(), command.goalId(), verdict.householdId(), now);
    }

    @CommandHandler
    public ReferralResult handle(RedirectReferral command, Actor actor) throws Exception {
        Aggregate<Referral> original = referrals.load(command.referralId(), command.expectedVersion());
        RedirectSource source = original.invoke(found -> found.redirectSource(command.toPartnerId(), actor));
        Instant now = clock.instant();
        // the new referral serves the same goal; whether that goal is still open is not asked again
        var verdict = eligibility.check(source.caseId(), command.toPartnerId(), source.serviceCategory(), null, false,
                                        command.consentOverride(), actor, now);
        ReferralResult created = request(command.newReferralId(), source.caseId(), source.fromPartnerId(),
                                         command.toPartnerId(), source.serviceCategory(), source.urgency(),
                                         source.reason(), source.referralId(), verdict.legalBasis(), source.goalId(),
                                         source.householdId(), now);
        original.execute(found -> found.recordRedirect(command.newReferralId(), command.toPartnerId(),
                                                       texts.sealText(source.caseId(), command.note())));
        return created;
    }

    private ReferralResult request(String referralId, String caseId, String fromPartnerId, String toPartnerId,
                                   ServiceCategory category, Urgency urgency, SealedText reason, String redirectedFrom,
                                   ReferralLegalBasis legalBasis, String goalId, String householdId, Instant now)
            throws Exception {
        var requested = new ReferralRequested(referralId, caseId, fromPartnerId, toPartnerId, category, urgency, reason,
                                              now, now.plus(urgency.responseTime()), redirectedFrom, legalBasis, goalId, householdId);
        referrals.newInstance(() -> new Referral(requested));
        return new ReferralResult(referralId, ReferralStatus.REQUESTED, 0);
    }
}
