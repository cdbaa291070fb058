package org.referrals.api.referral;

import java.util.EnumSet;
import java.util.Set;

/** Referral states; the FHIR Task status codes of closed-loop social-care referrals (SDOHCC), plus two local ones. */
public enum ReferralStatus {
    REQUESTED("requested"),
    ACCEPTED("accepted"),
    DECLINED("rejected"),
    ON_HOLD("on-hold"),
    IN_PROGRESS("in-progress"),
    DELIVERED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled"),
    /** No FHIR Task code: no answer by respondBy plus the grace period. */
    EXPIRED(null),
    /** No FHIR Task code: the referrer closed the loop after delivery or failure. */
    CLOSED(null);

    private static final Set<ReferralStatus> TERMINAL = EnumSet.of(DECLINED, EXPIRED, CANCELLED, CLOSED);

    private final String fhirTaskStatus;

    ReferralStatus(String fhirTaskStatus) {
        this.fhirTaskStatus = fhirTaskStatus;
    }

    /** The FHIR Task status code, or null where FHIR has none. */
    public String fhirTaskStatus() {
        return fhirTaskStatus;
    }

    /** No further transition of this referral (a redirect creates a new one). */
    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }
}
