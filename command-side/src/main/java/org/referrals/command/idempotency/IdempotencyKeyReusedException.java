package org.referrals.command.idempotency;

import org.referrals.command.common.CommandRefusedException;

/** The idempotency key was already used by this caller for a different request (HTTP 422). */
public class IdempotencyKeyReusedException extends CommandRefusedException {

    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was already used for a different request");
    }
}
