package org.referrals.query.common;

import java.net.URI;
import java.util.List;
import org.referrals.api.common.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The query side answers what a caller may not see exactly like what does not exist. */
public final class ReadProblems {

    private ReadProblems() {
    }

    /** A query parameter the API cannot use: 400 with a field error, like the command side's. */
    public static ErrorResponseException badRequest(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
        problem.setType(URI.create("/problems/validation"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new FieldError(field, message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    public static ErrorResponseException forbidden(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(URI.create("/problems/forbidden"));
        problem.setTitle("Action not allowed");
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }

    /** The service cannot take the request now; the caller may try again shortly. */
    public static ErrorResponseException busy(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(URI.create("/problems/busy"));
        problem.setTitle("Busy");
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
    }

    /** An enum from a query parameter, or a 400 naming the allowed values. */
    public static <E extends Enum<E>> E parse(String field, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            throw badRequest(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    public static ErrorResponseException notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such resource");
        problem.setType(URI.create("/problems/not-found"));
        problem.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
