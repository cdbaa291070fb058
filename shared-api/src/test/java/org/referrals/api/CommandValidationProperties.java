package org.referrals.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.referrals.api.caseregistry.ConsentTerms;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.caseregistry.PersonalDetails;
import org.referrals.api.caseregistry.RegisterCase;
import org.referrals.api.caseregistry.Sex;
import org.referrals.api.partner.PartnerKind;
import org.referrals.api.partner.RegisterPartner;
import org.referrals.api.referral.AddReferralNote;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.DeclineReferral;

/** The Bean Validation limits of DESIGN section 4 hold for any input, not only for a few examples. */
class CommandValidationProperties {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static RegisterPartner partnerWithId(String partnerId) {
        return new RegisterPartner(partnerId, "Name", PartnerKind.NGO, "MA", List.of(), List.of("fr"), "a@b.org", List.of());
    }

    private static Set<String> invalidFields(Object command) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(command);
        return violations.stream().map(v -> v.getPropertyPath().toString()).collect(java.util.stream.Collectors.toSet());
    }

    @Property
    void partnerIdsMatchingTheSlugFormatAreAccepted(@ForAll("slugs") String partnerId) {
        assertThat(invalidFields(partnerWithId(partnerId))).isEmpty();
    }

    @Property
    void anyPartnerIdOutsideTheSlugFormatIsRefused(@ForAll String partnerId) {
        boolean slug = partnerId.matches("[a-z0-9-]{3,40}");
        assertThat(invalidFields(partnerWithId(partnerId)).contains("partnerId")).isEqualTo(!slug);
    }

    @Property
    void namesUpTo200CharactersPassAndLongerOnesAreRefused(@ForAll @IntRange(min = 1, max = 600) int length) {
        var command = new RegisterPartner("ngo-one", "n".repeat(length), PartnerKind.NGO, "MA", List.of(), List.of(),
                                          "a@b.org", List.of());
        assertThat(invalidFields(command).contains("name")).isEqualTo(length > 200);
    }

    @Property(tries = 50)
    void notesUpTo4000CharactersPassAndLongerOnesAreRefused(@ForAll @IntRange(min = 1, max = 9000) int length) {
        var note = new AddReferralNote(UUID.randomUUID().toString(), null, "x".repeat(length));
        assertThat(invalidFields(note).contains("note")).isEqualTo(length > 4000);
        var decline = new DeclineReferral(UUID.randomUUID().toString(), 3L, DeclineReason.OTHER, "x".repeat(length));
        assertThat(invalidFields(decline).contains("note")).isEqualTo(length > 4000);
    }

    @Property
    void personalDetailsAreValidatedInsideTheCaseCommand(@ForAll @StringLength(max = 300) String givenName) {
        var person = new PersonalDetails(givenName, "Family", LocalDate.of(2000, 1, 1), Sex.MALE, "SN", null, List.of());
        var command = new RegisterCase(UUID.randomUUID().toString(), person, Set.of(), "MA", UUID.randomUUID().toString(),
                                       new ConsentTerms(LegalBasis.CONSENT, null, null, null));
        // @NotBlank's "blank" is String.trim()'s: control characters and spaces up to U+0020
        boolean valid = !givenName.trim().isEmpty() && givenName.length() <= 200;
        assertThat(invalidFields(command).contains("person.givenName")).isEqualTo(!valid);
    }

    @Provide
    Arbitrary<String> slugs() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMinLength(3).ofMaxLength(40);
    }
}
