package org.referrals.query.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.Statistics;
import org.referrals.api.referral.Urgency;
import org.referrals.query.referral.ReferralFacts;

class SmallCellSuppressionTest {

    @Test
    void fourIsHiddenAndFiveIsShown() {
        assertThat(SmallCellSuppression.cell(4)).isEqualTo("<5");
        assertThat(SmallCellSuppression.cell(5)).isEqualTo(5L);
        assertThat(SmallCellSuppression.cell(0)).isEqualTo("<5");
    }

    @Property
    void noCountBelowFiveEverShows(@ForAll @LongRange(min = 0, max = 1_000_000) long count) {
        Object cell = SmallCellSuppression.cell(count);
        if (count < 5) {
            assertThat(cell).isEqualTo("<5");
        } else {
            assertThat(cell).isEqualTo(count);
        }
    }

    /** {@code referrals} referrals made that day to partner p, the first {@code accepted} of them accepted. */
    private static List<ReferralFacts> made(String day, String category, long referrals, long accepted) {
        List<ReferralFacts> made = new java.util.ArrayList<>();
        Instant at = Instant.parse(day + "T10:00:00Z");
        for (int i = 0; i < referrals; i++) {
            made.add(new ReferralFacts("r" + i, "c" + i, "ngo", "p", ServiceCategory.valueOf(category), Urgency.ROUTINE,
                                       ReferralStatus.REQUESTED, i < accepted ? ReferralStatus.ACCEPTED : null, null, false, false,
                                       at, at.plusSeconds(3600), null, null, null, null, null, at, null, null, null, null, false));
        }
        return made;
    }

    @Test
    void referralsAreCountedPerGroupAndSuppressedSoThatNoColumnGivesAHiddenCountAway() {
        List<ReferralFacts> cells = java.util.stream.Stream.of(made("2026-03-01", "LEGAL_AID", 3, 2),
                                                          made("2026-03-02", "LEGAL_AID", 2, 2),
                                                          made("2026-03-02", "HEALTH_CARE", 4, 0),
                                                          made("2026-04-01", "SHELTER_HOUSING", 1, 1))
                                                      .flatMap(List::stream).toList();
        assertThat(StatisticsController.rows("category", cells, Map.of()))
                .as("declined and delivered: all hidden, all 0, so one is told as x")
                .containsExactly(new Statistics.Row("HEALTH_CARE", "<5", "<5", "x", "x"),
                                 new Statistics.Row("LEGAL_AID", 5L, "<5", "<5", "<5"),
                                 new Statistics.Row("SHELTER_HOUSING", "<5", "<5", "<5", "<5"));
        assertThat(StatisticsController.rows("dimension", cells, Map.of()))
                .as("6 and 5 would give the hidden 4 and 0 away (the totals are 10 and 5 in any grouping)")
                .containsExactly(new Statistics.Row("PSYCHOSOCIAL", "<5", "<5", "x", "x"),
                                 new Statistics.Row("SOCIAL", "x", "x", "<5", "<5"));
        var partner = new org.referrals.api.partner.PartnerView("p", "P", org.referrals.api.partner.PartnerKind.NGO, "MA",
                                                               List.of("Oriental", "Fès-Meknès"), List.of(), "p@x.org",
                                                               List.of(), true, null, null);
        assertThat(StatisticsController.rows("region", cells, Map.of("p", partner))) // a referral counts in each region its partner serves
                .containsExactly(new Statistics.Row("Fès-Meknès", 10L, 5L, "x", "x"),
                                 new Statistics.Row("Oriental", 10L, 5L, "<5", "<5"));
        assertThat(StatisticsController.rows("partner", cells, Map.of()))
                .containsExactly(new Statistics.Row("p", 10L, 5L, "x", "x"));
        assertThat(StatisticsController.rows("month", cells, Map.of()))
                .containsExactly(new Statistics.Row("2026-03", "x", "<5", "x", "x"),
                                 new Statistics.Row("2026-04", "<5", "<5", "<5", "<5"));
    }

    /**
     * The attack: the column's total is known (the same period grouped otherwise), so the hidden cells' sum is too.
     * Every small count must still have at least two values consistent with what is shown, the total, and the rules
     * (a "<5" is 0 to 4, an "x" any count). A total below 5 is never known: every grouping hides all its cells.
     */
    @Property(tries = 2000)
    void noHiddenCountCanBeWorkedOutFromTheColumnTotal(@ForAll @net.jqwik.api.constraints.Size(min = 1, max = 6)
                                                       List<@LongRange(min = 0, max = 12) Long> values) {
        long[] counts = values.stream().mapToLong(Long::longValue).toArray();
        Object[] cells = SmallCellSuppression.column(counts);
        long total = java.util.Arrays.stream(counts).sum();
        net.jqwik.api.Assume.that(total >= 5);
        long shown = 0;
        List<Integer> hidden = new java.util.ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] instanceof Long count) {
                assertThat(count).isEqualTo(counts[i]).isGreaterThanOrEqualTo(5);
                shown += count;
            } else {
                assertThat(cells[i]).isIn(counts[i] < 5 ? List.of("<5", "x") : List.of("x"));
                hidden.add(i);
            }
        }
        long hiddenSum = total - shown;
        for (int i : hidden) {
            if (counts[i] >= 5) {
                continue;
            }
            java.util.Set<Long> possible = new java.util.TreeSet<>();
            long most = "x".equals(cells[i]) ? hiddenSum : 4;
            for (long value = 0; value <= most; value++) {
                long rest = hiddenSum - value;
                long restMin = 0;
                boolean restUnbounded = false;
                for (int j : hidden) {
                    if (j != i) {
                        restUnbounded |= "x".equals(cells[j]);
                    }
                }
                long restMax = restUnbounded ? Long.MAX_VALUE : 4L * hidden.stream().filter(j -> j != i).count();
                if (rest >= restMin && rest <= restMax) {
                    possible.add(value);
                }
            }
            assertThat(possible).as("values of hidden cell %d of %s shown as %s", i, values, java.util.Arrays.toString(cells))
                                .hasSizeGreaterThan(1);
        }
    }
}
