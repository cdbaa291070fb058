package org.referrals.api.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.referrals.api.caseregistry.CaseClosureReason;
import org.referrals.api.partner.ReintegrationDimension;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralClosureReason;
import org.referrals.api.referral.ReferralStatus;

/**
 * {@code GET /api/cases/{id}/plan}. {@code agreedAt} null while no plan is agreed; {@code dueBy} is when it is
 * expected (registration plus the configured period), {@code overdue} whether that passed without a plan on an open
 * case. Texts (descriptions, reasons) are null once the case's personal data is erased.
 */
public record CasePlan(String caseId, Instant agreedAt, Instant dueBy, boolean overdue, List<Goal> goals) {

    /**
     * {@code statusNote}: the reason of a drop or the note of an achievement; {@code closedWithCase} the case's
     * closure reason for a goal open when the case was closed. {@code revisions}: how often it was revised.
     */
    public record Goal(String goalId, ReintegrationDimension dimension, String description, LocalDate targetDate,
                       Set<ServiceCategory> serviceCategories, GoalStatus status, String statusNote,
                       CaseClosureReason closedWithCase, Instant statusAt, int revisions, List<GoalReferral> referrals) {
    }

    /** A referral made for the goal, as the plan shows it. */
    public record GoalReferral(String referralId, String toPartnerId, ServiceCategory serviceCategory,
                               ReferralStatus status, ReferralClosureReason closureReason, Instant updatedAt) {
    }
}
