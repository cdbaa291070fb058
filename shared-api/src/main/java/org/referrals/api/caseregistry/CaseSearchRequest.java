package org.referrals.api.caseregistry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.referrals.api.common.Limits;

/**
 * Body of {@code POST /api/cases/search}: a person's names and date of birth, matched through the keyed blind index
 * (ignoring case, accents, punctuation and the names' order). A body, not a query string, so that no name reaches
 * an access log.
 */
public record CaseSearchRequest(@NotBlank @Size(max = Limits.NAME_MAX) String givenName,
                                @NotBlank @Size(max = Limits.NAME_MAX) String familyName,
                                @NotNull LocalDate dateOfBirth) {
}
