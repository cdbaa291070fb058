package org.referrals.command.caseregistry;

public enum CaseStatus {
    OPEN,
    CLOSED
}
