package org.referrals.query.admin;

import java.util.Map;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The tokens the token store holds for a processor's segments, read without claiming them (infra's
 * {@code MongoStoredTokens}): where a segment this node does not process stands, whether another node holds it or a
 * stopped one whose claim has not expired yet.
 */
@FunctionalInterface
public interface StoredTokens {

    /** By segment id; a segment that has seen no event yet maps to null. */
    Map<Integer, TrackingToken> of(String processorName);
}
