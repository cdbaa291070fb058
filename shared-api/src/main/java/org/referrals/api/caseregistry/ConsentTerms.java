package org.referrals.api.caseregistry;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.referrals.api.common.Limits;
import org.referrals.api.partner.ServiceCategory;

/**
 * A consent or other legal basis as the caller states it. An empty (or missing) scope list means "any".
 */
public record ConsentTerms(
        @NotNull LegalBasis legalBasis,
        @Size(max = 20) List<@NotNull ServiceCategory> serviceCategories,
        @Size(max = Limits.LIST_MAX) List<@NotNull @Pattern(regexp = Limits.PARTNER_ID_PATTERN) String> partnerIds,
        Instant expiresAt) {

    public List<ServiceCategory> categoriesOrEmpty() {
        return serviceCategories == null ? List.of() : List.copyOf(serviceCategories);
    }

    public List<String> partnerIdsOrEmpty() {
        return partnerIds == null ? List.of() : List.copyOf(partnerIds);
    }
}
