package org.referrals.api.partner;

import java.util.List;

/** {@code GET /api/network}: partners as nodes, referral flows and agreements as edges. */
public record NetworkMap(List<Node> nodes, List<Edge> edges) {

    /** {@code active}: its inbound referrals in REQUESTED, ACCEPTED, ON_HOLD or IN_PROGRESS. */
    public record Node(String id, String name, PartnerKind kind, List<String> regions, boolean active, long activeLoad,
                       Integer capacity) {
    }

    /**
     * Referrals from one partner to another by outcome, and whether the two have a partnership agreement (an
     * agreement without referrals is an edge with {@code referrals} 0). {@code closed}: closed by the referrer (not
     * ended with their case); {@code needMet}: of those, with the need met.
     */
    public record Edge(String from, String to, long referrals, long accepted, long declined, Double medianHoursToRespond,
                       boolean agreement, long closed, long needMet) {
    }
}
