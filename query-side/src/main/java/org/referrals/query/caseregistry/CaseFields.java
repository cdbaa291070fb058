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

    private CaseFields() {
    }
}
