package org.referrals.command.caseregistry.retention;

import java.time.Instant;
import java.util.List;

/**
 * When each case was closed, kept beside its data key (port; implemented in infra): durable with the closing
 * event, and gone once the key is destroyed, so an erased case is never listed again.
 */
public interface CaseRetention {

    void closed(String caseId, Instant closedAt);

    /** Cases with a data key that were closed before {@code cutoff}, oldest first, at most {@code limit}. */
    List<String> closedBefore(Instant cutoff, int limit);
}
