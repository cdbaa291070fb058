package org.referrals.api.assessment;

import static org.referrals.api.partner.ReintegrationDimension.ECONOMIC;
import static org.referrals.api.partner.ReintegrationDimension.PSYCHOSOCIAL;
import static org.referrals.api.partner.ReintegrationDimension.SOCIAL;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.referrals.api.assessment.Instrument.Indicator;
import org.referrals.api.assessment.Instrument.Option;

/**
 * The instruments the network uses, in one place. {@code rss} version 1 follows IOM's Reintegration Sustainability
 * Survey: 15 indicators, five per dimension, each answer valued from 0 (the least sustainable situation) to 1, the
 * dimensions weighing alike in the composite. The wording of each question is the dashboard's (its dictionaries, key
 * {@code indicator.<id>}); here are the codes, scales and weights that make the scores.
 */
public final class Instruments {

    private static final List<Option> SATISFACTION = scale("VERY_DISSATISFIED", "DISSATISFIED", "NEUTRAL", "SATISFIED", "VERY_SATISFIED");
    /** How often something bad happens: never is best. */
    private static final List<Option> HARDSHIP = scale("VERY_OFTEN", "OFTEN", "SOMETIMES", "RARELY", "NEVER");
    /** How often something good happens: very often is best. */
    private static final List<Option> FREQUENCY = scale("NEVER", "RARELY", "SOMETIMES", "OFTEN", "VERY_OFTEN");
    private static final List<Option> ACCESS = scale("NONE", "POOR", "FAIR", "GOOD", "VERY_GOOD");
    private static final List<Option> AGREEMENT = scale("STRONGLY_DISAGREE", "DISAGREE", "NEUTRAL", "AGREE", "STRONGLY_AGREE");
    private static final List<Option> YES_NO = scale("NO", "YES");

    public static final Instrument RSS_1 = new Instrument("rss", 1, List.of(
            new Indicator("economicSatisfaction", ECONOMIC, SATISFACTION, 1),
            new Indicator("foodReduction", ECONOMIC, HARDSHIP, 1),
            new Indicator("canBorrow", ECONOMIC, YES_NO, 1),
            new Indicator("debt", ECONOMIC, scale("MORE_THAN_MONTHLY_SPENDING", "LESS_THAN_MONTHLY_SPENDING", "NONE"), 1),
            new Indicator("income", ECONOMIC, scale("NONE", "IRREGULAR", "REGULAR"), 1),
            new Indicator("housing", SOCIAL, ACCESS, 1),
            new Indicator("schooling", SOCIAL, scale("NO_CHILD_ATTENDS", "SOME_ATTEND", "ALL_ATTEND"), 1),
            new Indicator("justice", SOCIAL, ACCESS, 1),
            new Indicator("documents", SOCIAL, YES_NO, 1),
            new Indicator("healthCare", SOCIAL, ACCESS, 1),
            new Indicator("participation", PSYCHOSOCIAL, FREQUENCY, 1),
            new Indicator("supportNetwork", PSYCHOSOCIAL, YES_NO, 1),
            new Indicator("discrimination", PSYCHOSOCIAL, HARDSHIP, 1),
            new Indicator("distress", PSYCHOSOCIAL, HARDSHIP, 1),
            new Indicator("feelsSafe", PSYCHOSOCIAL, AGREEMENT, 1)),
            Map.of(ECONOMIC, 1.0, SOCIAL, 1.0, PSYCHOSOCIAL, 1.0));

    private static final List<Instrument> ALL = List.of(RSS_1);

    private Instruments() {
    }

    public static Optional<Instrument> find(String id, int version) {
        return ALL.stream().filter(i -> i.id().equals(id) && i.version() == version).findFirst();
    }

    /** The latest version of an instrument. */
    public static Optional<Instrument> latest(String id) {
        return ALL.stream().filter(i -> i.id().equals(id)).reduce((a, b) -> a.version() >= b.version() ? a : b);
    }

    public static List<Instrument> all() {
        return ALL;
    }

    /** Evenly spaced values from 0 (the first answer) to 1 (the last). */
    private static List<Option> scale(String... codes) {
        return java.util.stream.IntStream.range(0, codes.length)
                                         .mapToObj(i -> new Option(codes[i], (double) i / (codes.length - 1))).toList();
    }
}
