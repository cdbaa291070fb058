package org.referrals.query.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.referrals.api.referral.Statistics;

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

    private static Document cell(String day, String category, String dimension, long referrals, long accepted) {
        return new Document("day", day).append("month", day.substring(0, 7)).append("category", category)
                .append("dimension", dimension).append("partnerId", "p").append("referrals", referrals)
                .append("accepted", accepted).append("declined", 0L).append("delivered", 0L);
    }

    @Test
    void cellsAreSummedPerGroupAndEachCountIsSuppressedOnItsOwn() {
        List<Document> cells = List.of(cell("2026-03-01", "LEGAL_AID", "SOCIAL", 3, 2),
                                       cell("2026-03-02", "LEGAL_AID", "SOCIAL", 2, 2),
                                       cell("2026-03-02", "HEALTH_CARE", "PSYCHOSOCIAL", 4, 0),
                                       cell("2026-04-01", "SHELTER_HOUSING", "SOCIAL", 1, 1));
        assertThat(StatisticsController.rows("category", cells, Map.of()))
                .containsExactly(new Statistics.Row("HEALTH_CARE", "<5", "<5", "<5", "<5"),
                                 new Statistics.Row("LEGAL_AID", 5L, "<5", "<5", "<5"),
                                 new Statistics.Row("SHELTER_HOUSING", "<5", "<5", "<5", "<5"));
        assertThat(StatisticsController.rows("dimension", cells, Map.of()))
                .containsExactly(new Statistics.Row("PSYCHOSOCIAL", "<5", "<5", "<5", "<5"),
                                 new Statistics.Row("SOCIAL", 6L, 5L, "<5", "<5"));
        var partner = new org.referrals.api.partner.PartnerView("p", "P", org.referrals.api.partner.PartnerKind.NGO, "MA",
                                                               List.of("Oriental", "Fès-Meknès"), List.of(), "p@x.org",
                                                               List.of(), true, null, null);
        assertThat(StatisticsController.rows("region", cells, Map.of("p", partner))) // a cell counts in each region served
                .containsExactly(new Statistics.Row("Fès-Meknès", 10L, 5L, "<5", "<5"),
                                 new Statistics.Row("Oriental", 10L, 5L, "<5", "<5"));
        assertThat(StatisticsController.rows("partner", cells, Map.of()))
                .containsExactly(new Statistics.Row("p", 10L, 5L, "<5", "<5"));
        assertThat(StatisticsController.rows("month", cells, Map.of()))
                .containsExactly(new Statistics.Row("2026-03", 9L, "<5", "<5", "<5"),
                                 new Statistics.Row("2026-04", "<5", "<5", "<5", "<5"));
    }
}
