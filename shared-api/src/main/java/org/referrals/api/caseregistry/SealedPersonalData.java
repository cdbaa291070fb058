package org.referrals.api.caseregistry;

/**
 * {@link PersonalDetails} encrypted under the data key of one case (crypto-shredding): once that key is
 * destroyed, every copy of this value, in the event store, its backups and projections, is unreadable.
 *
 * @param algorithm  the cipher, e.g. {@code AES-256-GCM}
 * @param keyId      which data key of the key store sealed it (the case id)
 * @param nonce      base64 of the GCM nonce
 * @param ciphertext base64 of ciphertext and authentication tag
 */
public record SealedPersonalData(String algorithm, String keyId, String nonce, String ciphertext) {
}
