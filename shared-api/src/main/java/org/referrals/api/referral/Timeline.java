package org.referrals.api.referral;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The history of a referral or a case, oldest first. Summaries hold no personal data and no free-text notes.
 * {@code hash} and {@code prevHash} are the entry's links in the tamper-evident audit chain (null until chained, a
 * fraction of a second after the event). {@code verified}: every entry's hash still follows from its
 * {@code prevHash} and the stored event (null while some entry is not chained yet); {@code GET /api/audit/verify}
 * checks the whole chain.
 */
public record Timeline(List<Entry> entries, Boolean verified) {

    /**
     * {@code seq}: the event's position in the whole event stream. {@code userLabel}: the label of the API key that
     * acted, where it has one. {@code summary} in English; {@code summaryCode}
     * and {@code summaryArgs} the same for a client to render in its user's language (an argument named after an
     * enumeration, such as {@code DeclineReason}, holds one of its codes).
     */
    public record Entry(long seq, String aggregateId, String type, Instant at, String userId, String userLabel, String partnerId,
                        String summary, String summaryCode, Map<String, String> summaryArgs, String hash, String prevHash) {
    }
}
