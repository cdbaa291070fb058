package org.referrals.query.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the audit chain's links are recorded. They are the reference that {@code verify} holds the event store
 * against, so they are durable and kept apart from the events they protect, and never recomputed once written:
 * on the embedded default a SQLite file of their own beside the event store's (the in-memory read models are
 * rebuilt at every start, which would recompute them from a store that may have been changed meanwhile); with an
 * external MongoDB its collection {@code audit_chain}.
 */
public interface AuditRecords {

    /** One link: the event at {@code position} is the {@code n}-th of the chain, and its hash follows {@code prevHash}. */
    record Link(long position, long n, String eventId, String prevHash, String hash) {
    }

    /** The link of the highest position, if any. */
    Optional<Link> last();

    /** Records these links (again: the same link written twice is one link). */
    void record(List<Link> links);

    /**
     * Forgets the links at and after {@code position}, which the chainer then computes again from the store. Only for
     * a recorded, deliberate rewrite of stored events (the sealing of texts an earlier version kept in clear).
     */
    void forgetFrom(long position);

    /** Up to {@code limit} links after {@code position} up to {@code upTo} (inclusive), in order of position. */
    List<Link> between(long position, long upTo, int limit);

    /** The links of these events (by event identifier), where they are chained. */
    Map<String, Link> ofEvents(Collection<String> eventIds);
}
