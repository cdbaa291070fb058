package org.referrals.api.common;

/** The roles of DESIGN section 4, plus {@link #SYSTEM} for commands the application sends itself (deadlines). */
public enum Role {
    PARTNER_AGENT,
    COORDINATOR,
    ANALYST,
    ADMIN,
    SYSTEM
}
