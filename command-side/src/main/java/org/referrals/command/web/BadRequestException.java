package org.referrals.command.web;

import java.util.List;
import org.referrals.api.common.FieldError;

/** A request the API refuses before sending any command (HTTP 400 with field errors). */
public class BadRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public BadRequestException(String field, String message) {
        super(field + ": " + message, null, false, false);
        this.errors = List.of(new FieldError(field, message));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
