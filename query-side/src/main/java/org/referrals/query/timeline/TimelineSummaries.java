package org.referrals.query.timeline;

import org.referrals.api.caseregistry.CaseClosed;
import org.referrals.api.caseregistry.CaseDetailsCorrected;
import org.referrals.api.caseregistry.CasePersonalDataErased;
import org.referrals.api.caseregistry.CaseRegistered;
import org.referrals.api.caseregistry.ConsentRecorded;
import org.referrals.api.caseregistry.ConsentWithdrawn;
import org.referrals.api.referral.ReferralAccepted;
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
 * free text of notes or reasons, which a caseworker may have written personal details into.
 */
final class TimelineSummaries {

    private TimelineSummaries() {
    }

    /** Which legal basis the referral relied on; an override's justification is free text and stays out. */
    private static String legalBasis(ReferralLegalBasis basis) {
        if (basis == null) {
            return "";
        }
        return basis.isOverride() ? "; consent overridden by a coordinator"
                : "; legal basis %s (consent %s)".formatted(basis.legalBasis(), basis.consentId());
    }

    /** A redirect as the partner that declined sees it. */
    static final String REDIRECTED_ELSEWHERE = "Redirected to another partner";

    static String of(Object event) {
        if (event instanceof ReferralRequested e) {
            return "Referred by %s to %s for %s (%s)%s; answer due by %s".formatted(
                    e.fromPartnerId(), e.toPartnerId(), e.serviceCategory(), e.urgency(),
                    e.redirectedFrom() == null ? "" : ", redirected from referral " + e.redirectedFrom(), e.respondBy())
                    + legalBasis(e.legalBasis());
        }
        if (event instanceof ReferralAccepted) return "Accepted";
        if (event instanceof ReferralDeclined e) return "Declined: " + e.reasonCode();
        if (event instanceof ReferralPutOnHold) return "Put on hold";
        if (event instanceof ReferralResumed) return "Resumed";
        if (event instanceof ServiceStarted) return "Service started";
        if (event instanceof ServiceDelivered e) return "Service delivered: " + e.outcome();
        if (event instanceof ServiceFailed e) return "Service failed: " + e.reasonCode();
        if (event instanceof ReferralCancelled e) return "Cancelled (was " + e.cancelledIn() + ")";
        if (event instanceof ReferralExpired) return "Expired without an answer";
        if (event instanceof ReferralClosed e) return "Closed: " + e.closureReason();
        if (event instanceof ReferralNoteAdded) return "Note added";
        if (event instanceof ReferralResponseOverdue e) return "Answer overdue (was due by " + e.respondBy() + ")";
        if (event instanceof ReferralRedirected e) return "Redirected to " + e.toPartnerId() + " as referral " + e.newReferralId();
        if (event instanceof CaseRegistered e) return "Case registered by " + e.owningPartnerId();
        if (event instanceof CaseDetailsCorrected) return "Case details corrected";
        if (event instanceof ConsentRecorded e) return "Legal basis recorded: " + e.legalBasis()
                + (e.expiresAt() == null ? "" : ", until " + e.expiresAt());
        if (event instanceof ConsentWithdrawn) return "Consent withdrawn";
        if (event instanceof CaseClosed e) return "Case closed: " + e.reason();
        if (event instanceof CasePersonalDataErased) return "Personal data erased";
        return event.getClass().getSimpleName();
    }
}
