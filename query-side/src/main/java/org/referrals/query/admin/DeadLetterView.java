package org.referrals.query.admin;

import java.time.Instant;
import java.util.List;

/**
 * One parked sequence of a projection: the event it failed on and every later event of the same aggregate, which
 * waits behind it. Payloads are not shown (they may hold personal data, encrypted or not).
 *
 * @param projection the projection (processing group)
 * @param eventId    the first parked event: what a retry or an eviction names
 */
public record DeadLetterView(String projection, String eventId, String aggregateId, List<Letter> letters) {

    /** One parked event, with why its projection refused it (the exception's type and message). */
    public record Letter(String eventId, String eventType, Long sequenceNumber, Instant enqueuedAt, Instant lastTouched,
                         String causeType, String causeMessage) {
    }
}
