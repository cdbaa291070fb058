package org.referrals.api.partner;

import static org.referrals.api.partner.ReintegrationDimension.ECONOMIC;
import static org.referrals.api.partner.ReintegrationDimension.PSYCHOSOCIAL;
import static org.referrals.api.partner.ReintegrationDimension.SOCIAL;

/** Services a partner offers, each belonging to one reintegration dimension (DESIGN section 3). */
public enum ServiceCategory {
    HEALTH_CARE(PSYCHOSOCIAL),
    MENTAL_HEALTH_PSYCHOSOCIAL(PSYCHOSOCIAL),
    SHELTER_HOUSING(SOCIAL),
    LEGAL_AID(SOCIAL),
    CIVIL_DOCUMENTATION(SOCIAL),
    EDUCATION(SOCIAL),
    CHILD_PROTECTION(SOCIAL),
    FAMILY_TRACING(SOCIAL),
    FOOD_NUTRITION(SOCIAL),
    CASH_ASSISTANCE(ECONOMIC),
    VOCATIONAL_TRAINING(ECONOMIC),
    EMPLOYMENT_JOB_PLACEMENT(ECONOMIC),
    BUSINESS_START_UP(ECONOMIC),
    COUNSELLING(PSYCHOSOCIAL);

    private final ReintegrationDimension dimension;

    ServiceCategory(ReintegrationDimension dimension) {
        this.dimension = dimension;
    }

    public ReintegrationDimension dimension() {
        return dimension;
    }
}
