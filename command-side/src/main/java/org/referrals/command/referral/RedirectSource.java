package org.referrals.command.referral;

import org.referrals.api.common.SealedText;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.Urgency;

/** What a redirected referral inherits from the one it replaces (the goal it serves too). */
record RedirectSource(String referralId, String caseId, String fromPartnerId, ServiceCategory serviceCategory,
                      Urgency urgency, SealedText reason, String goalId, String householdId) {
}
