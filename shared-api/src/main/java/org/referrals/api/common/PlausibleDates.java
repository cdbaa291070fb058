package org.referrals.api.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates the API accepts, in bodies and in query parameters: from 1900 to 2199. Anything else is a typo or an
 * attack (a date at the edge of {@code LocalDate} overflows the first month added to it), answered with 400.
 */
public final class PlausibleDates {

    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2199, 12, 31);
    public static final String RULE = "must be a date between " + FIRST + " and " + LAST;

    private PlausibleDates() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(FIRST) && !date.isAfter(LAST);
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(FIRST.atStartOfDay(ZoneOffset.UTC).toInstant())
               && instant.isBefore(LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
