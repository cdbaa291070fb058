package org.referrals.command.common;

/** The sender may see the resource but its role or partner may not take this action on it (HTTP 403). */
public class ActionNotAllowedException extends CommandRefusedException {

    public ActionNotAllowedException(String message) {
        super(message);
    }
}
