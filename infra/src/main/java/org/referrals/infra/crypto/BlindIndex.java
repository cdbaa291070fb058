package org.referrals.infra.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed blind index of a person: HMAC-SHA-256 of the normalised names and the date of birth, under a key derived
 * from the master key. Equal for "José Álvarez" and "jose ALVAREZ", and for given and family name swapped, so a
 * re-registration is found without any name stored in clear; useless to anyone without the master key.
 */
public final class BlindIndex {

    private final SecretKey key;

    public BlindIndex(SecretKey masterKey) {
        this.key = new SecretKeySpec(hmac(masterKey, "blind-index-v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    public String of(String givenName, String familyName, LocalDate dateOfBirth) {
        String input = normalise(givenName + " " + familyName) + "|" + dateOfBirth;
        return HexFormat.of().formatHex(hmac(key, input.getBytes(StandardCharsets.UTF_8)));
    }

    /** Letters and digits only, without accents, lower case, words sorted: the name as a matcher should see it. */
    static String normalise(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                                 .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        return Arrays.stream(plain.split(" ")).filter(word -> !word.isEmpty()).sorted().collect(Collectors.joining(" "));
    }

    private static byte[] hmac(SecretKey key, byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
