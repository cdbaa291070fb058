package org.referrals.api.caseregistry;

/** The recorded lawful basis for sharing a case's data with a partner. */
public enum LegalBasis {
    CONSENT,
    VITAL_INTEREST,
    PUBLIC_INTEREST,
    LEGITIMATE_INTEREST
}
