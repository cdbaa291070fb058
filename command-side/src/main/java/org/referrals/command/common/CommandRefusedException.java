package org.referrals.command.common;

/**
 * A command refused by a rule of the domain. Subclasses say which kind of refusal it is, so that the API can
 * answer with the right status; the message is written for the caller and names no personal data.
 */
public abstract class CommandRefusedException extends RuntimeException {

    protected CommandRefusedException(String message) {
        super(message, null, false, false);
    }
}
