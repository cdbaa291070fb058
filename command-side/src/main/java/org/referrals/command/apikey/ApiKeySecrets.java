package org.referrals.command.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.referrals.api.common.Sha256;

/**
 * API keys look like {@code rk_<keyId>.<secret>}: the key id finds the stored record, the secret is checked
 * against its salted SHA-256 hash. A secret is 256 random bits, so a fast hash suffices (a slow one would only
 * slow every request); only salt and hash are ever stored. A header value without that shape is taken as the
 * secret of the bootstrap admin key (so REFERRALS_BOOTSTRAP_ADMIN_KEY may be any strong string, see BootstrapAdminKey).
 */
public final class ApiKeySecrets {

    public static final String BOOTSTRAP_KEY_ID = "bootstrap-admin";
    private static final String PREFIX = "rk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    /** A key as presented in {@code X-API-Key}, split into the id to look up and the secret to check. */
    public record PresentedKey(String keyId, String secret) {
        @Override
        public String toString() {
            return "PresentedKey[keyId=" + keyId + "]";
        }
    }

    public static String newKeyId() {
        return HexFormat.of().formatHex(random(8));
    }

    public static String newSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
    }

    public static String newSalt() {
        return Base64.getEncoder().encodeToString(random(16));
    }

    public static String format(String keyId, String secret) {
        return PREFIX + keyId + "." + secret;
    }

    public static PresentedKey parse(String headerValue) {
        String value = headerValue.trim();
        int dot = value.indexOf('.');
        if (value.startsWith(PREFIX) && dot > PREFIX.length()) {
            return new PresentedKey(value.substring(PREFIX.length(), dot), value.substring(dot + 1));
        }
        return new PresentedKey(BOOTSTRAP_KEY_ID, value);
    }

    public static String hash(String salt, String secret) {
        return Base64.getEncoder().encodeToString(
                Sha256.of(Base64.getDecoder().decode(salt), secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time comparison, so response times tell nothing about the stored hash. */
    public static boolean matches(String salt, String hash, String secret) {
        return MessageDigest.isEqual(Base64.getDecoder().decode(hash), Base64.getDecoder().decode(hash(salt, secret)));
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }
}
