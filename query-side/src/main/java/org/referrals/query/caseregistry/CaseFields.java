package org.referrals.query.caseregistry;

/** The field names of a document of {@code cases} (and of its consents and sealed data), defined once. */
public final class CaseFields {

    public static final String OWNING_PARTNER = "owningPartnerId";
    public static final String STATUS = "status";
    public static final String REGISTERED_AT = "registeredAt";
    public static final String COUNTRY_OF_RETURN = "countryOfReturn";
    public static final String VULNERABILITIES = "vulnerabilities";
    public static final String ERASED = "erased";
    public static final String PERSONAL_DATA = "personalData";
    public static final String KEY_ID = "keyId";
    public static final String NONCE = "nonce";
    public static final String CIPHERTEXT = "ciphertext";
    public static final String ALGORITHM = "algorithm";
    public static final String CONSENTS = "consents";
    public static final String CONSENT_ID = "consentId";
    public static final String LEGAL_BASIS = "legalBasis";
    public static final String SERVICE_CATEGORIES = "serviceCategories";
    public static final String PARTNER_IDS = "partnerIds";
    public static final String RECORDED_AT = "recordedAt";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String WITHDRAWN = "withdrawn";
    /** The household the case belongs to, and its role there; absent when none. */
    public static final String HOUSEHOLD = "householdId";
    public static final String HOUSEHOLD_ROLE = "householdRole";
    /** When the reintegration plan was agreed; absent before. */
    public static final String PLAN_AGREED_AT = "planAgreedAt";
    /** The plan's goals without their texts: id, dimension and status each. */
    public static final String GOALS = "goals";
    public static final String GOAL_ID = "goalId";
    public static final String DIMENSION = "dimension";
    public static final String GOAL_STATUS = "status";
    /** The assessments: instrument, the day taken, and the result as sealed in the event (opened for statistics only). */
    public static final String ASSESSMENTS = "assessments";
    public static final String INSTRUMENT = "instrumentId";
    public static final String TAKEN_ON = "takenOn";
    public static final String RESULT = "result";

    private CaseFields() {
    }
}
