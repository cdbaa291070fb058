package org.referrals.query.common;

/**
 * Makes the MongoDB writes made so far durable before the next ones. A real MongoDB acknowledges a write once it
 * is journalled, so there it is nothing; the embedded server saves a snapshot of all its collections about once a
 * second, and a snapshot can hold a later write to one collection without an earlier write to another, so there
 * it saves its store now (infra's {@code MongoConfiguration}).
 */
@FunctionalInterface
public interface StoreSync {

    StoreSync NOTHING = () -> { };

    void persist();
}
