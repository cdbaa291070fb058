package org.referrals.api.household;

public enum HouseholdRole {
    HEAD,
    SPOUSE,
    CHILD,
    OTHER_RELATIVE
}
