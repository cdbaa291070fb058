package org.referrals.query.referral;

import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.conversions.Bson;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.query.common.ReadProblems;

/**
 * The filter of {@code GET /api/referrals}: whose referrals (a partner agent sees only its own partner's, a
 * coordinator any partner's or all), in which direction, status, category, and whether overdue.
 */
record ReferralListQuery(String partnerId, String direction, List<ReferralStatus> statuses, ServiceCategory category,
                         Boolean overdue, int page, int size) {

    static final int MAX_SIZE = 100;

    static ReferralListQuery of(Actor actor, String partnerId, String direction, List<String> statuses, String category,
                                Boolean overdue, int page, int size) {
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
        return new ReferralListQuery(scope, direction, parsed, parsedCategory, overdue, page, size);
    }

    /** The lists of the {@link ReferralListing} that hold these referrals. */
    List<String> lists() {
        if (partnerId == null) {
            return List.of(ReferralListing.ALL);
        }
        return "inbound".equals(direction) ? List.of(ReferralIndex.inbound(partnerId))
                : "outbound".equals(direction) ? List.of(ReferralIndex.outbound(partnerId))
                : List.of(ReferralIndex.inbound(partnerId), ReferralIndex.outbound(partnerId));
    }

    /** Whether more than the partner and direction narrow the list. */
    boolean filtered() {
        return !statuses.isEmpty() || category != null || overdue != null;
    }

    Bson filter(Instant now) {
        List<Bson> all = new ArrayList<>();
        if (partnerId != null) {
            if ("inbound".equals(direction)) {
                all.add(Filters.eq("toPartnerId", partnerId));
            } else if ("outbound".equals(direction)) {
                all.add(Filters.eq("fromPartnerId", partnerId));
            } else {
                all.add(Filters.or(Filters.eq("toPartnerId", partnerId), Filters.eq("fromPartnerId", partnerId)));
            }
        }
        if (!statuses.isEmpty()) {
            all.add(Filters.in("status", statuses.stream().map(Enum::name).toList()));
        }
        if (category != null) {
            all.add(Filters.eq("serviceCategory", category.name()));
        }
        if (overdue != null) {
            Bson isOverdue = Filters.and(Filters.eq("status", ReferralStatus.REQUESTED.name()),
                                         Filters.lt("respondBy", Date.from(now)));
            all.add(overdue ? isOverdue : Filters.nor(isOverdue));
        }
        return all.isEmpty() ? Filters.empty() : Filters.and(all);
    }
}
