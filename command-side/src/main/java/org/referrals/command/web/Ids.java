package org.referrals.command.web;

import org.referrals.api.common.Limits;

/** Checks ids taken from the path, so that a malformed one is a 400 with a field error, not a 404 or a 500. */
public final class Ids {

    private Ids() {
    }

    public static String uuid(String field, String value) {
        if (value == null || !value.matches(Limits.UUID_PATTERN)) {
            throw new BadRequestException(field, "must be a UUID");
        }
        return value;
    }

    public static String partnerId(String field, String value) {
        if (value == null || !value.matches(Limits.PARTNER_ID_PATTERN)) {
            throw new BadRequestException(field, "must match " + Limits.PARTNER_ID_PATTERN);
        }
        return value;
    }
}
