package org.referrals.api.caseregistry;

public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNDISCLOSED
}
