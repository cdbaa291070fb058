package org.referrals.api.caseregistry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.referrals.api.common.Limits;

/**
 * A migrant's personal data, in clear. It travels only inside commands and read-time answers; events hold it
 * as {@link SealedPersonalData}. Its {@code toString} names no value, so a logged command leaks nothing.
 */
public record PersonalDetails(
        @NotBlank @Size(max = Limits.NAME_MAX) String givenName,
        @NotBlank @Size(max = Limits.NAME_MAX) String familyName,
        @NotNull @Past LocalDate dateOfBirth,
        @NotNull Sex sex,
        @NotNull @Pattern(regexp = Limits.COUNTRY_PATTERN) String nationality,
        @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()-]{3,40}") String phone,
        @Size(max = Limits.LIST_MAX) List<@NotNull @Pattern(regexp = Limits.LANGUAGE_PATTERN) String> languages) {

    @Override
    public String toString() {
        return "PersonalDetails[redacted]";
    }
}
