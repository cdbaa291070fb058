package org.referrals.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Free text that may name a person (a referral's reason, notes, justifications), sealed like the case's personal
 * data under that case's key: erasing the case makes it unreadable everywhere. Events written before texts were
 * sealed held the text itself as a JSON string; it reads as {@link #PLAIN} (shown, like a sealed one, only to callers
 * who read the case whole and never after erasure) until the first start of this version seals it in the JDBC store
 * ({@code PlainTextResealing}; README, Data protection).
 *
 * @param algorithm  the cipher ({@code AES-256-GCM}), or {@link #PLAIN} for a text of an earlier event
 * @param keyId      the case whose key sealed it
 * @param nonce      base64 of the GCM nonce
 * @param ciphertext base64 of ciphertext and tag; the text itself when {@link #PLAIN}
 */
public record SealedText(String algorithm, String keyId, String nonce, String ciphertext) {

    public static final String PLAIN = "PLAIN";

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public SealedText(@JsonProperty("algorithm") String algorithm, @JsonProperty("keyId") String keyId,
                      @JsonProperty("nonce") String nonce, @JsonProperty("ciphertext") String ciphertext) {
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.nonce = nonce;
        this.ciphertext = ciphertext;
    }

    /** A text as an event of an earlier version stored it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SealedText plain(String text) {
        return new SealedText(PLAIN, null, null, text);
    }

    @JsonIgnore // not a field of the stored form
    public boolean isPlain() {
        return PLAIN.equals(algorithm);
    }

    @Override
    public String toString() {
        return "SealedText[" + algorithm + ", redacted]";
    }
}
