package org.referrals.api.caseregistry;

/** Case closure reasons of the IOM reintegration handbook. */
public enum CaseClosureReason {
    SUPPORT_PERIOD_ENDED,
    NO_LONGER_ELIGIBLE,
    OPTED_OUT,
    MOVED_AWAY,
    DECEASED,
    /** The returnee migrated again. */
    RE_MIGRATED,
    /** The programme's funding for the case ended. */
    FUNDING_ENDED,
    OTHER
}
