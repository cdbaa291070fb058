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

    @Test
    void everyCellOfARowIsSuppressedOnItsOwn() {
        List<Document> referrals = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            referrals.add(new Document("serviceCategory", "LEGAL_AID").append("toPartnerId", "p")
                                  .append("answer", i < 4 ? "ACCEPTED" : "DECLINED"));
        }
        for (int i = 0; i < 4; i++) {
            referrals.add(new Document("serviceCategory", "HEALTH_CARE").append("toPartnerId", "p"));
        }
        List<Statistics.Row> rows = StatisticsController.rows("category", referrals, Map.of());
        assertThat(rows).containsExactly(new Statistics.Row("HEALTH_CARE", "<5", "<5", "<5", "<5"),
                                         new Statistics.Row("LEGAL_AID", 5L, "<5", "<5", "<5"));
        assertThat(StatisticsController.rows("dimension", referrals, Map.of()))
                .containsExactly(new Statistics.Row("PSYCHOSOCIAL", "<5", "<5", "<5", "<5"),
                                 new Statistics.Row("SOCIAL", 5L, "<5", "<5", "<5"));
    }
}
