package org.referrals.command.common;

/** A business rule refuses the command (HTTP 409 with a problem type naming the rule). */
public class BusinessRuleViolationException extends CommandRefusedException {

    private final BusinessRule rule;

    public BusinessRuleViolationException(BusinessRule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public BusinessRule rule() {
        return rule;
    }
}
