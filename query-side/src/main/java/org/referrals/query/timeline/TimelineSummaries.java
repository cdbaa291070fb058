package org.referrals.query.timeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.referrals.api.caseregistry.AssessmentRecorded;
import org.referrals.api.caseregistry.CaseClosed;
import org.referrals.api.caseregistry.CaseDetailsCorrected;
import org.referrals.api.caseregistry.CasePersonalDataErased;
import org.referrals.api.caseregistry.CaseRegistered;
import org.referrals.api.caseregistry.ConsentRecorded;
import org.referrals.api.caseregistry.ConsentWithdrawn;
import org.referrals.api.household.CaseJoinedHousehold;
import org.referrals.api.household.CaseLeftHousehold;
import org.referrals.api.household.HouseholdFormed;
import org.referrals.api.household.HouseholdMemberAdded;
import org.referrals.api.household.HouseholdMemberRemoved;
import org.referrals.api.plan.GoalAchieved;
import org.referrals.api.plan.GoalAdded;
import org.referrals.api.plan.GoalDropped;
import org.referrals.api.plan.GoalRevised;
import org.referrals.api.plan.PlanAgreed;
import org.referrals.api.plan.PlannedGoal;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReturneeFeedbackRecorded;
import org.referrals.api.referral.ReferralCancelled;
import org.referrals.api.referral.ReferralClosed;
import org.referrals.api.referral.ReferralDeclined;
import org.referrals.api.referral.ReferralExpired;
import org.referrals.api.referral.ReferralLegalBasis;
import org.referrals.api.referral.ReferralNoteAdded;
import org.referrals.api.referral.ReferralPutOnHold;
import org.referrals.api.referral.ReferralRedirected;
import org.referrals.api.referral.ReferralRequested;
import org.referrals.api.referral.ReferralResponseOverdue;
import org.referrals.api.referral.ReferralResumed;
import org.referrals.api.referral.ServiceDelivered;
import org.referrals.api.referral.ServiceFailed;
import org.referrals.api.referral.ServiceStarted;

/**
 * One line per event for coordinators. Only codes, partner ids and dates: never personal data, and never the
 * free text of notes or reasons, which a caseworker may have written personal details into. Each summary comes as
 * English text (for integrators and exports) and as a code with its values, which the dashboard renders in the
 * user's language ({@code timeline.<code>} in its dictionaries; code-valued values are translated too).
 */
final class TimelineSummaries {

    private TimelineSummaries() {
    }

    /** A summary: its stable code, the values it names, and the English line. */
    record Summary(String code, Map<String, String> args, String text) {

        static Summary of(String code, String text, String... namesAndValues) {
            Map<String, String> args = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                if (namesAndValues[i + 1] != null) {
                    args.put(namesAndValues[i], namesAndValues[i + 1]);
                }
            }
            return new Summary(code, args, text);
        }
    }

    /** A redirect as the partner that declined sees it. */
    static final Summary REDIRECTED_ELSEWHERE = Summary.of("redirectedElsewhere", "Redirected to another partner");

    static Summary of(Object event) {
        if (event instanceof ReferralRequested e) {
            ReferralLegalBasis basis = e.legalBasis();
            String legalBasis = basis == null ? "" : basis.isOverride() ? "; consent overridden by a coordinator"
                    : "; legal basis %s (consent %s)".formatted(basis.legalBasis(), basis.consentId());
            return Summary.of("requested", "Referred by %s to %s for %s (%s)%s; answer due by %s".formatted(
                            e.fromPartnerId(), e.toPartnerId(), e.serviceCategory(), e.urgency(),
                            e.redirectedFrom() == null ? "" : ", redirected from referral " + e.redirectedFrom(), e.respondBy())
                            + legalBasis,
                    "from", e.fromPartnerId(), "to", e.toPartnerId(), "ServiceCategory", name(e.serviceCategory()),
                    "Urgency", name(e.urgency()), "redirectedFrom", e.redirectedFrom(), "respondBy", text(e.respondBy()),
                    "LegalBasis", basis == null || basis.isOverride() ? null : name(basis.legalBasis()),
                    "override", basis != null && basis.isOverride() ? "true" : null);
        }
        if (event instanceof ReferralAccepted) return Summary.of("accepted", "Accepted");
        if (event instanceof ReferralDeclined e) return Summary.of("declined", "Declined: " + e.reasonCode(), "DeclineReason", name(e.reasonCode()));
        if (event instanceof ReferralPutOnHold) return Summary.of("onHold", "Put on hold");
        if (event instanceof ReferralResumed) return Summary.of("resumed", "Resumed");
        if (event instanceof ServiceStarted) return Summary.of("started", "Service started");
        if (event instanceof ServiceDelivered e) return Summary.of("delivered", "Service delivered: " + e.outcome(), "DeliveryOutcome", name(e.outcome()));
        if (event instanceof ServiceFailed e) return Summary.of("failed", "Service failed: " + e.reasonCode(), "FailureReason", name(e.reasonCode()));
        if (event instanceof ReferralCancelled e && e.caseClosed() != null) return Summary.of("cancelledWithCase",
                "Cancelled with its case (%s; was %s)".formatted(e.caseClosed(), e.cancelledIn()),
                "CaseClosureReason", name(e.caseClosed()), "ReferralStatus", name(e.cancelledIn()));
        if (event instanceof ReferralCancelled e) return Summary.of("cancelled", "Cancelled (was " + e.cancelledIn() + ")", "ReferralStatus", name(e.cancelledIn()));
        if (event instanceof ReferralExpired) return Summary.of("expired", "Expired without an answer");
        if (event instanceof ReferralClosed e && e.caseClosed() != null) return Summary.of("closedWithCase",
                "Closed with its case (" + e.caseClosed() + ")", "CaseClosureReason", name(e.caseClosed()));
        if (event instanceof ReferralClosed e) return Summary.of("closed", "Closed: " + e.closureReason(), "ReferralClosureReason", name(e.closureReason()));
        if (event instanceof ReturneeFeedbackRecorded e) return Summary.of("feedback", "Returnee's feedback: satisfaction " + e.satisfaction() + " of 5",
                "satisfaction", String.valueOf(e.satisfaction()));
        if (event instanceof ReferralNoteAdded) return Summary.of("noteAdded", "Note added");
        if (event instanceof ReferralResponseOverdue e) return Summary.of("overdue", "Answer overdue (was due by " + e.respondBy() + ")", "respondBy", text(e.respondBy()));
        if (event instanceof ReferralRedirected e) return Summary.of("redirected", "Redirected to " + e.toPartnerId() + " as referral " + e.newReferralId(),
                                                                     "to", e.toPartnerId(), "referral", e.newReferralId());
        if (event instanceof CaseRegistered e) return Summary.of("caseRegistered", "Case registered by " + e.owningPartnerId(), "by", e.owningPartnerId());
        if (event instanceof CaseDetailsCorrected) return Summary.of("caseCorrected", "Case details corrected");
        if (event instanceof ConsentRecorded e) return Summary.of("consentRecorded", "Legal basis recorded: " + e.legalBasis()
                + (e.expiresAt() == null ? "" : ", until " + e.expiresAt()), "LegalBasis", name(e.legalBasis()), "until", text(e.expiresAt()));
        if (event instanceof ConsentWithdrawn) return Summary.of("consentWithdrawn", "Consent withdrawn");
        if (event instanceof CaseClosed e) return Summary.of("caseClosed", "Case closed: " + e.reason(), "CaseClosureReason", name(e.reason()));
        if (event instanceof CasePersonalDataErased) return Summary.of("erased", "Personal data erased");
        if (event instanceof AssessmentRecorded e) return Summary.of("assessed", "Assessment recorded (%s version %d, taken on %s)"
                .formatted(e.instrumentId(), e.instrumentVersion(), e.takenOn()), "instrument", e.instrumentId(), "takenOn", text(e.takenOn()));
        if (event instanceof PlanAgreed e) return Summary.of("planAgreed", "Reintegration plan agreed with " + e.goals().size() + " goals",
                "goals", String.valueOf(e.goals().size()));
        if (event instanceof GoalAdded e) return goal("goalAdded", "Goal added", e.goal());
        if (event instanceof GoalRevised e) return goal("goalRevised", "Goal revised", e.goal());
        if (event instanceof GoalAchieved) return Summary.of("goalAchieved", "Goal achieved");
        if (event instanceof GoalDropped e && e.caseClosed() != null) return Summary.of("goalClosedWithCase",
                "Goal ended with the case (" + e.caseClosed() + ")", "CaseClosureReason", name(e.caseClosed()));
        if (event instanceof GoalDropped) return Summary.of("goalDropped", "Goal dropped");
        if (event instanceof HouseholdFormed e) return Summary.of("householdFormed", "Household formed by " + e.owningPartnerId(), "by", e.owningPartnerId());
        if (event instanceof HouseholdMemberAdded e) return Summary.of("householdMemberAdded", "Member added as " + e.role(), "HouseholdRole", name(e.role()));
        if (event instanceof HouseholdMemberRemoved) return Summary.of("householdMemberRemoved", "Member removed");
        if (event instanceof CaseJoinedHousehold e) return Summary.of("joinedHousehold", "Joined a household as " + e.role(), "HouseholdRole", name(e.role()));
        if (event instanceof CaseLeftHousehold) return Summary.of("leftHousehold", "Left the household");
        return Summary.of("other", event.getClass().getSimpleName());
    }

    /** A goal by its dimension and target date; its description is personal data and stays out. */
    private static Summary goal(String code, String text, PlannedGoal goal) {
        return Summary.of(code, "%s: %s, by %s".formatted(text, goal.dimension(), goal.targetDate()),
                          "ReintegrationDimension", name(goal.dimension()), "targetDate", text(goal.targetDate()));
    }

    private static String name(Enum<?> code) {
        return code == null ? null : code.name();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
