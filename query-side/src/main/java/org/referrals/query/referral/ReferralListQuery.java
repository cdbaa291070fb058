package org.referrals.query.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.query.common.ReadProblems;

/**
 * The filter of {@code GET /api/referrals}: whose referrals (a partner agent sees only its own partner's, a
 * coordinator any partner's or all), in which direction, status, category, whether overdue, and of which case.
 */
record ReferralListQuery(String partnerId, String direction, List<ReferralStatus> statuses, ServiceCategory category,
                         Boolean overdue, String caseId, int page, int size) {

    static final int MAX_SIZE = 100;

    static ReferralListQuery of(Actor actor, String partnerId, String direction, List<String> statuses, String category,
                                Boolean overdue, String caseId, int page, int size) {
        String scope = partnerId;
        if (actor.role() == Role.PARTNER_AGENT) {
            if (partnerId != null && !actor.actsFor(partnerId)) {
                throw ReadProblems.notFound(); // another partner's inbox is not visible, not even its existence
            }
            scope = actor.partnerId();
        } else if (!actor.isCoordinator()) {
            throw ReadProblems.forbidden("only partner agents and coordinators list referrals");
        }
        if (direction != null && !direction.equals("inbound") && !direction.equals("outbound")) {
            throw ReadProblems.badRequest("direction", "must be inbound or outbound");
        }
        if (page < 0) {
            throw ReadProblems.badRequest("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ReadProblems.badRequest("size", "must be 1 to " + MAX_SIZE);
        }
        List<ReferralStatus> parsed = statuses == null ? List.of()
                : statuses.stream().flatMap(s -> java.util.Arrays.stream(s.split(",")))
                          .map(s -> ReadProblems.parse("status", ReferralStatus.class, s.trim())).toList();
        ServiceCategory parsedCategory = category == null ? null : ReadProblems.parse("category", ServiceCategory.class, category);
        String theCase = caseId == null || caseId.isBlank() ? null : caseId.trim();
        return new ReferralListQuery(scope, direction, parsed, parsedCategory, overdue, theCase, page, size);
    }

    /** The referrals of the list as of {@code now}, newest change first. */
    List<ReferralFacts> select(ReferralSnapshots.Snapshot referrals, Instant now) {
        List<ReferralFacts> selected = new ArrayList<>();
        for (ReferralFacts referral : scope(referrals)) {
            if ((statuses.isEmpty() || statuses.contains(referral.status())) && (category == null || category == referral.category())
                    && (overdue == null || overdue == referral.overdue(now)) && (caseId == null || caseId.equals(referral.caseId()))) {
                selected.add(referral);
            }
        }
        return selected;
    }

    /** All referrals, a partner's inbound or outbound ones, or both (a referral to itself once). */
    private List<ReferralFacts> scope(ReferralSnapshots.Snapshot referrals) {
        if (partnerId == null) {
            return referrals.all();
        }
        if ("inbound".equals(direction)) {
            return referrals.inboundOf(partnerId);
        }
        if ("outbound".equals(direction)) {
            return referrals.outboundOf(partnerId);
        }
        Map<String, ReferralFacts> both = new LinkedHashMap<>();
        referrals.inboundOf(partnerId).forEach(r -> both.put(r.id(), r));
        referrals.outboundOf(partnerId).forEach(r -> both.put(r.id(), r));
        List<ReferralFacts> merged = new ArrayList<>(both.values());
        merged.sort(ReferralSnapshots.Snapshot.NEWEST_CHANGE_FIRST);
        return merged;
    }
}
