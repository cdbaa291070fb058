package org.referrals.api.common;

/** Names of the Axon metadata entries every event carries (DESIGN section 3, last paragraph). */
public final class MetaDataKeys {
    public static final String USER_ID = "userId";
    public static final String PARTNER_ID = "partnerId";
    public static final String ROLE = "role";
    public static final String CORRELATION_ID = "correlationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** SHA-256 of the request (method, path, body) that carried the idempotency key; commands only. */
    public static final String REQUEST_HASH = "requestHash";

    private MetaDataKeys() {
    }
}
