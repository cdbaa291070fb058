package org.referrals.command.referral.deadline;

import java.time.Instant;
import java.util.List;

/**
 * The referrals waiting for an answer, kept in the event store's database (port; implemented in infra) and written
 * in the transaction of the event that changes them, so a deadline survives any crash and none is lost.
 */
public interface ResponseDeadlines {

    /** A referral waiting for an answer, due to be reported overdue at {@code respondBy}, to expire at {@code expiresAt}. */
    record Waiting(String referralId, Instant respondBy, Instant expiresAt, boolean overdueRecorded) {
    }

    void schedule(String referralId, Instant respondBy, Instant expiresAt);

    void overdueRecorded(String referralId);

    /** An answer (or expiry, or cancellation) ends the wait. */
    void cancel(String referralId);

    /**
     * Referrals with something due at {@code now}: overdue not yet recorded and {@code respondBy} reached, or
     * {@code expiresAt} reached; earliest {@code respondBy} first, at most {@code limit}.
     */
    List<Waiting> dueAt(Instant now, int limit);
}
