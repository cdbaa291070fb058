package org.referrals.api.referral;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/referrals/{id}/notes}: the referral's reason and every note written on it, opened for a caller who
 * may read them (README, Data protection); empty texts once the case's personal data is erased.
 *
 * @param reason why the referral was made, as the referrer wrote it
 * @param notes  oldest first: the note of each action (accept, decline, hold, …) and every added note
 */
public record ReferralNotes(String referralId, String reason, List<Note> notes) {

    /** {@code type}: the event that carries the note; {@code userId} and {@code partnerId}: who wrote it. */
    public record Note(Instant at, String type, String userId, String partnerId, String text) {
    }
}
