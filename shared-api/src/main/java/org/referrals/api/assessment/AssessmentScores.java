package org.referrals.api.assessment;

import java.util.Map;
import org.referrals.api.partner.ReintegrationDimension;

/**
 * The scores of one assessment, each from 0 to 1 (three decimals): per dimension (null where no indicator of it was
 * answered) and the composite (null when nothing was answered); how many indicators were answered and missing.
 */
public record AssessmentScores(Map<ReintegrationDimension, Double> dimensions, Double composite, int answered, int missing) {
}
