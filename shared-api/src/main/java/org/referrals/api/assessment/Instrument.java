package org.referrals.api.assessment;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.referrals.api.partner.ReintegrationDimension;

/**
 * A fixed, versioned questionnaire: indicators grouped by reintegration dimension, each with its answer scale and
 * weight. Scoring: an answer's value (0 to 1 on its scale); a dimension's score is the weighted mean of its
 * answered indicators (null when none is answered: a missing answer is left out, never read as 0); the composite is
 * the weighted mean of the dimensions that have a score, by {@code dimensionWeights}. Instruments are data, kept in
 * {@link Instruments}; a changed instrument is a new version, so scores taken with the old one keep their meaning.
 */
public record Instrument(String id, int version, List<Indicator> indicators, Map<ReintegrationDimension, Double> dimensionWeights) {

    /** One question: the dimension it measures, its possible answers and its weight within the dimension. */
    public record Indicator(String id, ReintegrationDimension dimension, List<Option> scale, double weight) {

        /** The answer with this code, or null. */
        Option option(String code) {
            return scale.stream().filter(option -> option.code().equals(code)).findFirst().orElse(null);
        }
    }

    /** A possible answer and its value: 0 the least sustainable situation, 1 the most. */
    public record Option(String code, double value) {
    }

    /** Thrown for an answer that is not one of the instrument's: which indicator, and why. */
    public static final class InvalidAnswer extends IllegalArgumentException {

        private final String indicator;

        InvalidAnswer(String indicator, String message) {
            super(message);
            this.indicator = indicator;
        }

        public String indicator() {
            return indicator;
        }
    }

    /** The scores of these answers (indicator id to option code); an unknown indicator or option is refused. */
    public AssessmentScores score(Map<String, String> answers) {
        Map<String, Indicator> byId = new LinkedHashMap<>();
        indicators.forEach(indicator -> byId.put(indicator.id(), indicator));
        answers.forEach((indicatorId, code) -> {
            Indicator indicator = byId.get(indicatorId);
            if (indicator == null) {
                throw new InvalidAnswer(indicatorId, "not an indicator of " + id + " version " + version);
            }
            if (indicator.option(code) == null) {
                throw new InvalidAnswer(indicatorId, "must be one of " + indicator.scale().stream().map(Option::code).toList());
            }
        });
        Map<ReintegrationDimension, Double> dimensions = new EnumMap<>(ReintegrationDimension.class);
        for (ReintegrationDimension dimension : dimensionWeights.keySet()) {
            double weighted = 0;
            double weights = 0;
            for (Indicator indicator : indicators) {
                String code = answers.get(indicator.id());
                if (indicator.dimension() == dimension && code != null) {
                    weighted += indicator.weight() * indicator.option(code).value();
                    weights += indicator.weight();
                }
            }
            dimensions.put(dimension, weights == 0 ? null : round(weighted / weights));
        }
        double weighted = 0;
        double weights = 0;
        for (var dimension : dimensions.entrySet()) {
            if (dimension.getValue() != null) {
                weighted += dimensionWeights.get(dimension.getKey()) * dimension.getValue();
                weights += dimensionWeights.get(dimension.getKey());
            }
        }
        int answered = answers.size();
        return new AssessmentScores(dimensions, weights == 0 ? null : round(weighted / weights), answered, indicators.size() - answered);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
