package org.referrals.api.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.referrals.api.partner.ReintegrationDimension.ECONOMIC;
import static org.referrals.api.partner.ReintegrationDimension.PSYCHOSOCIAL;
import static org.referrals.api.partner.ReintegrationDimension.SOCIAL;

import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Scores of the RSS instrument, from answers, with the arithmetic written out. */
class InstrumentScoringTest {

    private final Instrument rss = Instruments.RSS_1;

    @Test
    void aWorkedExampleWithMissingAnswers() {
        Map<String, String> answers = new LinkedHashMap<>();
        // economic: SATISFIED 3/4 = .75, RARELY 3/4 = .75, canBorrow NO 0, debt LESS_THAN 1/2 = .5, income IRREGULAR .5
        answers.put("economicSatisfaction", "SATISFIED");
        answers.put("foodReduction", "RARELY");
        answers.put("canBorrow", "NO");
        answers.put("debt", "LESS_THAN_MONTHLY_SPENDING");
        answers.put("income", "IRREGULAR");
        // social: housing FAIR .5, documents YES 1; schooling, justice and health care not answered (left out, not 0)
        answers.put("housing", "FAIR");
        answers.put("documents", "YES");
        // psychosocial: nothing answered
        AssessmentScores scores = rss.score(answers);

        // economic = (.75 + .75 + 0 + .5 + .5) / 5 = 2.5 / 5 = .5
        assertThat(scores.dimensions().get(ECONOMIC)).isEqualTo(0.5);
        // social = (.5 + 1) / 2 = .75
        assertThat(scores.dimensions().get(SOCIAL)).isEqualTo(0.75);
        assertThat(scores.dimensions().get(PSYCHOSOCIAL)).as("no answer, no score").isNull();
        // composite over the dimensions with a score, equal weights: (.5 + .75) / 2 = .625
        assertThat(scores.composite()).isEqualTo(0.625);
        assertThat(scores.answered()).isEqualTo(7);
        assertThat(scores.missing()).isEqualTo(8);
    }

    @Test
    void allBestAnswersScoreOneAndNothingAnsweredScoresNothing() {
        Map<String, String> best = new LinkedHashMap<>();
        rss.indicators().forEach(i -> best.put(i.id(), i.scale().get(i.scale().size() - 1).code()));
        assertThat(rss.score(best).composite()).isEqualTo(1.0);
        assertThat(rss.score(Map.of()).composite()).isNull();
        assertThat(rss.score(Map.of()).missing()).isEqualTo(15);
    }

    @Test
    void anAnswerOutsideTheInstrumentIsRefusedByName() {
        assertThatThrownBy(() -> rss.score(Map.of("housing", "PALACE"))).isInstanceOfSatisfying(Instrument.InvalidAnswer.class,
                refused -> assertThat(refused.indicator()).isEqualTo("housing"));
        assertThatThrownBy(() -> rss.score(Map.of("shoeSize", "42"))).isInstanceOf(Instrument.InvalidAnswer.class);
    }

    @Test
    void theRssHasFifteenIndicatorsFivePerDimension() {
        assertThat(rss.indicators()).hasSize(15);
        assertThat(rss.indicators()).filteredOn(i -> i.dimension() == ECONOMIC).hasSize(5);
        assertThat(rss.indicators()).filteredOn(i -> i.dimension() == SOCIAL).hasSize(5);
        assertThat(Instruments.latest("rss")).contains(rss);
    }

    @Property
    void everyScoreLiesBetweenZeroAndOneAndTheCompositeBetweenItsDimensions(@ForAll("answers") Map<String, String> answers) {
        AssessmentScores scores = rss.score(answers);
        var present = scores.dimensions().values().stream().filter(java.util.Objects::nonNull).toList();
        present.forEach(score -> assertThat(score).isBetween(0.0, 1.0));
        if (present.isEmpty()) {
            assertThat(scores.composite()).isNull();
        } else {
            double low = present.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double high = present.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertThat(scores.composite()).isBetween(low - 0.001, high + 0.001);
        }
        assertThat(scores.answered() + scores.missing()).isEqualTo(15);
    }

    @Provide
    Arbitrary<Map<String, String>> answers() {
        var perIndicator = rss.indicators().stream()
                .map(i -> Arbitraries.of(i.scale()).map(Instrument.Option::code).injectNull(0.3)
                                     .map(code -> code == null ? Map.<String, String>of() : Map.of(i.id(), code)))
                .toList();
        return Combinators.combine(perIndicator).as(parts -> {
            Map<String, String> all = new LinkedHashMap<>();
            parts.forEach(all::putAll);
            return all;
        });
    }
}
