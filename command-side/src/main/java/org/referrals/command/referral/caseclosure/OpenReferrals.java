package org.referrals.command.referral.caseclosure;

import java.util.List;
import org.referrals.api.caseregistry.CaseClosureReason;

/**
 * The referrals not yet ended (declined, expired, cancelled or closed), by case, and which of them belong to a closed
 * case (port; implemented in infra, in the event store's database). Written in the transaction of the event that
 * changes them, so a closed case's referrals are never forgotten, whatever crashes.
 */
public interface OpenReferrals {

    /** A referral whose case was closed, to end with the case's closure reason. */
    record ToEnd(String referralId, CaseClosureReason reason) {
    }

    void opened(String referralId, String caseId);

    void ended(String referralId);

    /** The case's referrals not yet ended are to end with it. */
    void caseClosed(String caseId, CaseClosureReason reason);

    /** Referrals of closed cases not yet ended, at most {@code limit}. */
    List<ToEnd> ofClosedCases(int limit);
}
