package org.referrals.command.referral;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.common.SealedText;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.AcceptReferral;
import org.referrals.api.referral.AddReferralNote;
import org.referrals.api.referral.CancelReferral;
import org.referrals.api.referral.CloseReferral;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.DeclineReferral;
import org.referrals.api.referral.DeliverService;
import org.referrals.api.referral.ExpireReferral;
import org.referrals.api.referral.FailService;
import org.referrals.api.referral.FailureReason;
import org.referrals.api.referral.PutReferralOnHold;
import org.referrals.api.referral.RecordResponseOverdue;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReferralCancelled;
import org.referrals.api.referral.ReferralClosed;
import org.referrals.api.referral.EndReferralWithCase;
import org.referrals.api.referral.RecordReturneeFeedback;
import org.referrals.api.referral.ReturneeFeedbackRecorded;
import org.referrals.api.referral.ReferralClosureReason;
import org.referrals.api.referral.ReferralDeclined;
import org.referrals.api.referral.ReferralExpired;
import org.referrals.api.referral.ReferralNoteAdded;
import org.referrals.api.referral.ReferralPutOnHold;
import org.referrals.api.referral.ReferralRedirected;
import org.referrals.api.referral.ReferralRequested;
import org.referrals.api.referral.ReferralResponseOverdue;
import org.referrals.api.referral.ReferralResult;
import org.referrals.api.referral.ReferralResumed;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.ResumeReferral;
import org.referrals.api.referral.ServiceDelivered;
import org.referrals.api.referral.ServiceFailed;
import org.referrals.api.referral.ServiceStarted;
import org.referrals.api.referral.StartService;
import org.referrals.api.referral.Urgency;
import org.referrals.command.common.ActionNotAllowedException;
import org.referrals.command.common.BusinessRule;
import org.referrals.command.common.BusinessRuleViolationException;
import org.referrals.command.common.ResourceNotVisibleException;
import org.referrals.command.common.TextSealer;

/**
 * One referral of a case from one partner to another, through the states of {@link ReferralLifecycle}.
 * Each handler checks, in this order: may the sender see it (else 404), may it take this action (403), is the
 * action allowed in the current state (409), then the action's own rules.
 */
@Aggregate
public class Referral {

    @AggregateIdentifier
    private String referralId;
    private String caseId;
    private String fromPartnerId;
    private String toPartnerId;
    private ServiceCategory serviceCategory;
    private Urgency urgency;
    private SealedText reason;
    private ReferralStatus status;
    private Instant respondBy;
    private boolean overdueRecorded;
    private String redirectedTo;
    private String goalId;
    private String householdId;

    protected Referral() {
        // for Axon
    }

    /** Created by {@link ReferralCommandHandler} once the partner and the case's legal basis were checked. */
    Referral(ReferralRequested requested) {
        apply(requested);
    }

    @CommandHandler
    public ReferralResult handle(AcceptReferral command, Actor actor, TextSealer texts) {
        requireReceiver(actor, ReferralLifecycle.ACCEPT);
        apply(new ReferralAccepted(referralId, texts.sealText(caseId, command.note())));
        return result();
    }

    @CommandHandler
    public ReferralResult handle(DeclineReferral command, Actor actor, TextSealer texts) {
        requireReceiver(actor, ReferralLifecycle.DECLINE);
        requireNoteFor(command.reasonCode() == DeclineReason.OTHER, command.note());
        apply(new ReferralDeclined(referralId, command.reasonCode(), texts.sealText(caseId, command.note())));
        return result();
    }

    @CommandHandler
    public ReferralResult handle(PutReferralOnHold command, Actor actor, TextSealer texts) {
        requireReceiver(actor, ReferralLifecycle.HOLD);
        apply(new ReferralPutOnHold(referralId, texts.sealText(caseId, command.note())));
        return result();
    }

    @CommandHandler
    public ReferralResult handle(ResumeReferral command, Actor actor, TextSealer texts) {
        requireReceiver(actor, ReferralLifecycle.RESUME);
        apply(new ReferralResumed(referralId, texts.sealText(caseId, command.note())));
        return result();
    }

    @CommandHandler
    public ReferralResult handle(StartService command, Actor actor, TextSealer texts) {
        requireReceiver(actor, ReferralLifecycle.START);
        apply(new ServiceStarted(referralId, texts.sealText(caseId, command.note())));
        return result();
    }

    @CommandHandler
    public ReferralResult handle(DeliverService command, Actor actor, TextSealer texts) {
        requireReceiver(actor, ReferralLifecycle.DELIVER);
        apply(new ServiceDelivered(referralId, command.outcome(), texts.sealText(caseId, command.note())));
        return result();
    }

    @CommandHandler
    public ReferralResult handle(FailService command, Actor actor, TextSealer texts) {
        requireReceiver(actor, ReferralLifecycle.FAIL);
        requireNoteFor(command.reasonCode() == FailureReason.OTHER, command.note());
        apply(new ServiceFailed(referralId, command.reasonCode(), texts.sealText(caseId, command.note())));
        return result();
    }

    @CommandHandler
    public ReferralResult handle(CancelReferral command, Actor actor, TextSealer texts) {
        requireVisibleTo(actor);
        if (!(actor.actsFor(fromPartnerId) || actor.actsFor(toPartnerId) || actor.isCoordinator())) {
            throw notAllowed(ReferralLifecycle.CANCEL, "the referring or receiving partner or a coordinator");
        }
        ReferralLifecycle.CANCEL.check(status);
        apply(new ReferralCancelled(referralId, status, texts.sealText(caseId, command.reason())));
        return result();
    }

    @CommandHandler
    public ReferralResult handle(CloseReferral command, Actor actor, TextSealer texts) {
        requireReferrerOrCoordinator(actor, ReferralLifecycle.CLOSE);
        requireNoteFor(command.closureReason() == ReferralClosureReason.OTHER, command.note());
        apply(new ReferralClosed(referralId, command.closureReason(), texts.sealText(caseId, command.note()),
                                 command.receivedAsPlanned(), command.satisfaction(), texts.sealText(caseId, command.comment()), null));
        return result();
    }

    /** Any party that sees the case (its two partners, a coordinator) records what the returnee said of the service. */
    @CommandHandler
    public ReferralResult handle(RecordReturneeFeedback command, Actor actor, TextSealer texts) {
        requirePartyOrCoordinator(actor, ReferralLifecycle.FEEDBACK);
        apply(new ReturneeFeedbackRecorded(referralId, command.satisfaction(), texts.sealText(caseId, command.comment()),
                                           actor.partnerId()));
        return result();
    }

    /**
     * Its case was closed (sent by the system): still open, it is cancelled; delivered or failed, it is closed; each
     * with the case's closure reason. Already ended, nothing happens, so that sending it twice is harmless.
     */
    @CommandHandler
    public ReferralResult handle(EndReferralWithCase command, Actor actor) {
        requireVisibleTo(actor);
        if (!actor.hasRole(Role.SYSTEM)) {
            throw notAllowed(ReferralLifecycle.CANCEL, "the system, when the case is closed");
        }
        if (ReferralLifecycle.CANCEL.isAllowedFrom(status)) {
            apply(new ReferralCancelled(referralId, status, null, command.reason()));
        } else if (ReferralLifecycle.CLOSE.isAllowedFrom(status)) {
            apply(new ReferralClosed(referralId, ReferralClosureReason.OTHER, null, null, null, null, command.reason()));
        }
        return result();
    }

    @CommandHandler
    public ReferralResult handle(AddReferralNote command, Actor actor, TextSealer texts) {
        requirePartyOrCoordinator(actor, ReferralLifecycle.NOTE);
        apply(new ReferralNoteAdded(referralId, texts.sealText(caseId, command.note())));
        return result();
    }

    @CommandHandler
    public ReferralResult handle(RecordResponseOverdue command, Actor actor) {
        requireSystem(actor, ReferralLifecycle.RECORD_OVERDUE);
        requireResponseDue(command.observedAt());
        if (!overdueRecorded) {
            apply(new ReferralResponseOverdue(referralId, respondBy));
        }
        return result();
    }

    @CommandHandler
    public ReferralResult handle(ExpireReferral command, Actor actor) {
        requireSystem(actor, ReferralLifecycle.EXPIRE);
        requireResponseDue(command.observedAt());
        apply(new ReferralExpired(referralId, respondBy));
        return result();
    }

    /** First half of a redirect: checks it is allowed and tells what the new referral inherits. */
    RedirectSource redirectSource(String newPartnerId, Actor actor) {
        requireReferrerOrCoordinator(actor, ReferralLifecycle.REDIRECT);
        if (redirectedTo != null) {
            throw new BusinessRuleViolationException(BusinessRule.ALREADY_REDIRECTED,
                                                     "referral was already redirected to referral " + redirectedTo);
        }
        if (toPartnerId.equals(newPartnerId)) {
            throw new BusinessRuleViolationException(BusinessRule.REDIRECT_TO_SAME_PARTNER,
                                                     "a redirect must go to another partner than " + toPartnerId);
        }
        return new RedirectSource(referralId, caseId, fromPartnerId, serviceCategory, urgency, reason, goalId, householdId);
    }

    /** Second half of a redirect, once the new referral exists: links this one to it. */
    void recordRedirect(String newReferralId, String newPartnerId, SealedText note) {
        apply(new ReferralRedirected(referralId, newReferralId, newPartnerId, note));
    }

    ReferralResult result() {
        Long version = AggregateLifecycle.getVersion();
        return new ReferralResult(referralId, status, version == null ? 0 : version);
    }

    private void requireReceiver(Actor actor, ReferralLifecycle transition) {
        requireVisibleTo(actor);
        if (!actor.actsFor(toPartnerId)) {
            throw notAllowed(transition, "the receiving partner");
        }
        transition.check(status);
    }

    private void requireReferrerOrCoordinator(Actor actor, ReferralLifecycle transition) {
        requireVisibleTo(actor);
        if (!(actor.actsFor(fromPartnerId) || actor.isCoordinator())) {
            throw notAllowed(transition, "the referring partner or a coordinator");
        }
        transition.check(status);
    }

    /** Either partner or a coordinator (everyone who sees it but the system), in a state the transition allows. */
    private void requirePartyOrCoordinator(Actor actor, ReferralLifecycle transition) {
        requireVisibleTo(actor);
        if (actor.hasRole(Role.SYSTEM)) {
            throw notAllowed(transition, "a party to the referral or a coordinator");
        }
        transition.check(status);
    }

    private void requireSystem(Actor actor, ReferralLifecycle transition) {
        requireVisibleTo(actor);
        if (!actor.hasRole(Role.SYSTEM)) {
            throw notAllowed(transition, "the system's deadline scan");
        }
        transition.check(status);
    }

    /** Only its two partners, coordinators and the system see a referral; anyone else is told it does not exist. */
    private void requireVisibleTo(Actor actor) {
        boolean visible = actor.actsFor(fromPartnerId) || actor.actsFor(toPartnerId)
                || actor.isCoordinator() || actor.hasRole(Role.SYSTEM);
        if (!visible) {
            throw new ResourceNotVisibleException("referral", referralId);
        }
    }

    private void requireResponseDue(Instant observedAt) {
        if (observedAt.isBefore(respondBy)) {
            throw new BusinessRuleViolationException(BusinessRule.RESPONSE_NOT_YET_DUE,
                                                     "the response is due only at " + respondBy);
        }
    }

    private static void requireNoteFor(boolean required, String note) {
        if (required && (note == null || note.isBlank())) {
            throw new BusinessRuleViolationException(BusinessRule.NOTE_REQUIRED, "a note is required with reason OTHER");
        }
    }

    private static ActionNotAllowedException notAllowed(ReferralLifecycle transition, String who) {
        return new ActionNotAllowedException("%s may only be sent by %s".formatted(transition.command(), who));
    }

    @EventSourcingHandler
    void on(ReferralRequested event) {
        referralId = event.referralId();
        caseId = event.caseId();
        fromPartnerId = event.fromPartnerId();
        toPartnerId = event.toPartnerId();
        serviceCategory = event.serviceCategory();
        urgency = event.urgency();
        reason = event.reason();
        respondBy = event.respondBy();
        goalId = event.goalId();
        householdId = event.householdId();
        status = ReferralStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(ReferralAccepted event) {
        status = ReferralStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(ReferralDeclined event) {
        status = ReferralStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(ReferralPutOnHold event) {
        status = ReferralStatus.ON_HOLD;
    }

    @EventSourcingHandler
    void on(ReferralResumed event) {
        status = ReferralStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(ServiceStarted event) {
        status = ReferralStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(ServiceDelivered event) {
        status = ReferralStatus.DELIVERED;
    }

    @EventSourcingHandler
    void on(ServiceFailed event) {
        status = ReferralStatus.FAILED;
    }

    @EventSourcingHandler
    void on(ReferralCancelled event) {
        status = ReferralStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(ReferralExpired event) {
        status = ReferralStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(ReferralClosed event) {
        status = ReferralStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(ReferralResponseOverdue event) {
        overdueRecorded = true;
    }

    @EventSourcingHandler
    void on(ReferralRedirected event) {
        redirectedTo = event.newReferralId();
    }
}
