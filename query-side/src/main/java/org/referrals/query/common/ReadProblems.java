package org.referrals.query.common;

import java.net.URI;
import java.util.List;
import org.referrals.api.common.FieldError;
import org.referrals.api.common.PlausibleDates;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The query side answers what a caller may not see exactly like what does not exist. */
public final class ReadProblems {

    private ReadProblems() {
    }

    /** A query parameter the API cannot use: 400 with a field error, like the command side's. */
    public static ErrorResponseException badRequest(String field, String message) {
        ErrorResponseException error = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", field + ": " + message);
        error.getBody().setProperty("errors", List.of(new FieldError(field, message)));
        return error;
    }

    /** The refusal of a page outside 0.. and 1..max (a coordinator's work lists), or null when it is fine. */
    public static ErrorResponseException pageProblem(int page, int size, int max) {
        return page < 0 || size < 1 || size > max ? badRequest("size", "page from 0, size from 1 to " + max) : null;
    }

    /** A query parameter's day (ISO, like 2026-01-31), within {@link PlausibleDates}; null when absent. */
    public static java.time.LocalDate day(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            java.time.LocalDate day = java.time.LocalDate.parse(value);
            if (PlausibleDates.contains(day)) {
                return day;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // answered below
        }
        throw badRequest(field, "must be a date like 2026-01-31, from " + PlausibleDates.FIRST + " to " + PlausibleDates.LAST);
    }

    public static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Action not allowed", detail);
    }

    /** The service cannot take the request now; the caller may try again shortly. */
    public static ErrorResponseException busy(String detail) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy", detail);
    }

    /** A problem document of type {@code /problems/<type>}, to be thrown or answered as {@code Mono.error}. */
    public static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        problem.setProperty("code", type); // stable, for a client to translate (the title and detail are English)
        return new ErrorResponseException(status, problem, null);
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
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such resource");
    }
}
