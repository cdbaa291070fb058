package org.referrals.api.partner;

/** The three dimensions of IOM's integrated approach to reintegration. */
public enum ReintegrationDimension {
    ECONOMIC,
    SOCIAL,
    PSYCHOSOCIAL
}
