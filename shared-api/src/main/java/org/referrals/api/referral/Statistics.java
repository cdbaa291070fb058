package org.referrals.api.referral;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/stats}: referral counts per group, de-identified: every count below 5 (zero included) is the
 * string {@code "<5"}, so that no small group of people can be singled out; and where a column's total would give a
 * hidden count away, one more count of that column is hidden as {@code "x"} (complementary suppression).
 */
public record Statistics(String groupBy, LocalDate from, LocalDate to, List<Row> rows) {

    /** Each count is a number of at least 5, "<5", or "x" (a count of 5 or more hidden to protect a "<5"). */
    public record Row(String key, Object referrals, Object accepted, Object declined, Object delivered) {
    }
}
