package org.referrals.command.common;

/** The command is not allowed in the aggregate's current state (HTTP 409, naming that state). */
public class IllegalTransitionException extends CommandRefusedException {

    private final String currentState;

    public IllegalTransitionException(String aggregate, String command, Enum<?> currentState) {
        super("%s cannot be done on a %s in state %s".formatted(command, aggregate, currentState.name()));
        this.currentState = currentState.name();
    }

    public String currentState() {
        return currentState;
    }
}
