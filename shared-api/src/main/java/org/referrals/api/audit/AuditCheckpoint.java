package org.referrals.api.audit;

import java.time.Instant;

/**
 * The head of the audit chain, for a coordinator to sign and keep outside the system: {@code count} events up to
 * position {@code headSeq} chain to {@code headHash}. Any later change to those events changes the hash.
 */
public record AuditCheckpoint(long count, long headSeq, String headHash, Instant at) {
}
