package org.referrals.command.partner;

public enum PartnerStatus {
    ACTIVE,
    /** Receives no new referrals until reactivated. */
    SUSPENDED
}
