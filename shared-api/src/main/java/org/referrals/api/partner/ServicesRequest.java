package org.referrals.api.partner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code PUT /api/partners/{id}/services}. */
public record ServicesRequest(@NotNull @Size(max = 50) List<@NotNull @Valid ServiceOffer> services) {
}
