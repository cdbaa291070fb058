package org.referrals.query.referral;

/** The field names of a document of {@code referrals}, defined once (its version and last change: {@code Projections}). */
public final class ReferralFields {

    public static final String CASE = "caseId";
    public static final String FROM = "fromPartnerId";
    public static final String TO = "toPartnerId";
    public static final String CATEGORY = "serviceCategory";
    public static final String URGENCY = "urgency";
    public static final String STATUS = "status";
    public static final String RESPOND_BY = "respondBy";
    public static final String REDIRECTED_FROM = "redirectedFrom";
    public static final String REDIRECTED_TO = "redirectedTo";
    public static final String CONSENT_OVERRIDE = "consentOverride";
    /** The case's consent the referral relies on; null under a coordinator's override. */
    public static final String CONSENT_ID = "consentId";
    public static final String CREATED_AT = "createdAt";
    /** The first answer, accepted or declined, and when it came. */
    public static final String ANSWER = "answer";
    public static final String ANSWERED_AT = "answeredAt";
    public static final String ACCEPTED_AT = "acceptedAt";
    public static final String DECLINE_REASON = "declineReason";
    public static final String DECLINE_NOTE = "declineNote";
    public static final String DECLINED_AT = "declinedAt";
    public static final String DELIVERED_AT = "deliveredAt";
    public static final String OUTCOME = "outcome";
    public static final String EXPIRED_AT = "expiredAt";
    public static final String OVERDUE_RECORDED = "overdueRecorded";
    /** The goal of the case's plan the referral serves; absent when it names none. */
    public static final String GOAL = "goalId";
    /** The case's household, when the service is for the whole household; absent else. */
    public static final String HOUSEHOLD = "householdId";
    /** Set by the close: its reason, whether the service was received as planned, and the case's closure if by it. */
    public static final String CLOSURE_REASON = "closureReason";
    public static final String RECEIVED_AS_PLANNED = "receivedAsPlanned";
    public static final String CASE_CLOSED = "caseClosed";
    /** The returnee's latest satisfaction (1-5), from the close or a later feedback. */
    public static final String SATISFACTION = "satisfaction";
    /**
     * The position in the event stream of the last event that changed the document ({@link ReferralSnapshots} reads
     * what changed since its last snapshot by it).
     */
    public static final String POSITION = "position";

    private ReferralFields() {
    }
}
