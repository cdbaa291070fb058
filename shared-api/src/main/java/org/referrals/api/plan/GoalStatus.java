package org.referrals.api.plan;

public enum GoalStatus {
    OPEN,
    ACHIEVED,
    DROPPED,
    /** Open when its case was closed. */
    CLOSED_WITH_CASE
}
