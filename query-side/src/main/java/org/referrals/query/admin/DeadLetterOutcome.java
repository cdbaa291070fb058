package org.referrals.query.admin;

/**
 * What a retry or an eviction did.
 *
 * @param handled   sequences handled successfully by a retry (they left the queue), or evicted
 * @param remaining sequences of that projection still parked
 */
public record DeadLetterOutcome(String projection, DeadLetterAction.Action action, int handled, long remaining) {
}
