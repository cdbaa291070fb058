package org.referrals.api.plan;

import java.time.LocalDate;
import java.util.Set;
import org.referrals.api.common.SealedText;
import org.referrals.api.partner.ReintegrationDimension;
import org.referrals.api.partner.ServiceCategory;

/** A goal as the events carry it: the description sealed under the case's key. */
public record PlannedGoal(String goalId, ReintegrationDimension dimension, SealedText description, LocalDate targetDate,
                          Set<ServiceCategory> serviceCategories) {
}
