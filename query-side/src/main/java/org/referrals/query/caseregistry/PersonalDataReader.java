package org.referrals.query.caseregistry;

import java.util.List;
import java.util.Optional;
import org.referrals.api.caseregistry.PersonalDetails;
import org.referrals.api.caseregistry.SealedPersonalData;
import org.referrals.api.common.SealedText;

/**
 * Opens a case's sealed personal data at read time, for a caller allowed to see it. Projections store only the
 * sealed form, so destroying the case's key (erasure) makes every copy unreadable at once.
 */
public interface PersonalDataReader {

    /** The personal data in clear, or empty once the case's data key was destroyed. */
    Optional<PersonalDetails> open(SealedPersonalData sealed);

    /**
     * A free text of the case in clear, or empty once its key was destroyed: a sealed one cannot be opened then, and
     * one an earlier version stored in clear is no longer shown.
     */
    Optional<String> openText(String caseId, SealedText text);

    /** The other cases with the same blind index as this one (any partner's; none once erased), oldest first. */
    List<String> possibleDuplicatesOf(String caseId);

    /** One page of the groups of cases sharing a blind index (any partners'), the most recently joined first. */
    List<List<String>> duplicateGroups(int offset, int limit);

    long duplicateGroupCount();

    /** The cases (any partner's; none erased) whose person has these names and date of birth, by blind index. */
    List<String> casesNamed(String givenName, String familyName, java.time.LocalDate dateOfBirth);
}
