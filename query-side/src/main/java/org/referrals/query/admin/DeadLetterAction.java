package org.referrals.query.admin;

/**
 * {@code POST /api/admin/dead-letters}: retry a parked sequence (or, without {@code eventId}, every sequence of the
 * projection), or evict one. Evicting skips its events in that read model for good, until the projection is rebuilt.
 */
public record DeadLetterAction(String projection, String eventId, Action action) {

    public enum Action { RETRY, EVICT }
}
