package org.referrals.api.apikey;

/** Answer of {@code POST /api/admin/api-keys}: the key in clear, shown this once only. */
public record IssuedApiKey(String id, String key) {
}
