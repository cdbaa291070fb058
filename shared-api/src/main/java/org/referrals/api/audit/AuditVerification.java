package org.referrals.api.audit;

/**
 * The answer of {@code GET /api/audit/verify}.
 *
 * @param verified          every chained event recomputes to its recorded hash (and the checkpoint, when given, matches)
 * @param checkedEvents     events recomputed from the event store and found intact, before the first broken one
 * @param firstBrokenSeq    the position of the first event that was changed, removed, moved or slipped in; null when none
 * @param headSeq           position of the last chained event (the checkpoint to sign), null for an empty store
 * @param headHash          hash of that event
 * @param checkpointMatches null without a checkpoint; else whether the recomputed chain passes through it
 */
public record AuditVerification(boolean verified, long checkedEvents, Long firstBrokenSeq, Long headSeq,
                                String headHash, Boolean checkpointMatches) {
}
