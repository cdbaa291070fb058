package org.referrals.api.referral;

import java.time.Instant;
import java.util.List;

/**
 * The history of a referral or a case, oldest first. Summaries hold no personal data and no free-text notes.
 * {@code hash}, {@code prevHash} and {@code verified} belong to the tamper-evident audit chain and stay null until
 * it exists (data protection issue).
 */
public record Timeline(List<Entry> entries, Boolean verified) {

    /** {@code seq}: the event's position in the whole event stream. */
    public record Entry(long seq, String aggregateId, String type, Instant at, String userId, String partnerId,
                        String summary, String hash, String prevHash) {
    }
}
