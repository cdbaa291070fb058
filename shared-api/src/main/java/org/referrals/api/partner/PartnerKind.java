package org.referrals.api.partner;

public enum PartnerKind {
    NGO,
    GOVERNMENT,
    UN_AGENCY,
    HEALTH_FACILITY,
    EDUCATION_TRAINING,
    PRIVATE_SECTOR,
    COMMUNITY_ORGANISATION
}
