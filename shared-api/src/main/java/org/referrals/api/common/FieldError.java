package org.referrals.api.common;

/** One invalid field of a request, in a 400 problem document's {@code errors}. */
public record FieldError(String field, String message) {
}
