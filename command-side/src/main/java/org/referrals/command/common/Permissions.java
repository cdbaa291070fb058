package org.referrals.command.common;

import java.util.Arrays;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;

/** Small role checks shared by the aggregates. */
public final class Permissions {

    private Permissions() {
    }

    /** Refuses (403) an actor whose role is none of the given ones. */
    public static void requireRole(Actor actor, String action, Role... allowed) {
        if (actor.role() == null || Arrays.stream(allowed).noneMatch(actor::hasRole)) {
            throw new ActionNotAllowedException("%s is not allowed for role %s".formatted(action, actor.role()));
        }
    }
}
