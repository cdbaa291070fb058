package org.referrals.command.caseregistry;

import java.util.List;
import org.referrals.api.caseregistry.PersonalDetails;
import org.referrals.api.caseregistry.SealedPersonalData;
import org.referrals.command.common.TextSealer;

/**
 * Encrypts a case's personal data under that case's own data key, creating the key the first time. Implemented
 * in {@code infra}, where the key store lives: the key must be durable no later than the event that needs it.
 */
public interface PersonalDataSealer extends TextSealer {

    SealedPersonalData seal(String caseId, PersonalDetails details);

    /**
     * Records the case's keyed blind index of names and date of birth (replacing an earlier one; the case's key
     * must exist) and answers the other cases with the same index: possible duplicates, found without names in
     * clear. An erased case has no index left, so it is never found.
     */
    List<String> indexForDuplicates(String caseId, PersonalDetails details);

    /**
     * Destroys the case's data key (crypto-shredding): every copy of its sealed personal data becomes unreadable.
     * Runs in the erasing command's transaction. Answers whether a key was there.
     */
    boolean destroyKey(String caseId);
}
