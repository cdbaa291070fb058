package org.referrals.command.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.referrals.api.caseregistry.PersonalDetails;
import org.referrals.api.caseregistry.SealedPersonalData;
import org.referrals.api.common.SealedText;
import org.referrals.command.caseregistry.PersonalDataSealer;

/** Seals into a recognisable placeholder and remembers which keys were destroyed. */
public class FakeSealer implements PersonalDataSealer {

    public final List<String> destroyedKeys = new ArrayList<>();
    /** Case ids by exact names and date of birth (the real index normalises; this fake only needs to match). */
    private final Map<String, String> indexed = new LinkedHashMap<>();

    @Override
    public SealedPersonalData seal(String caseId, PersonalDetails details) {
        return TestData.sealed(caseId);
    }

    /** The text itself in a recognisable wrapper (TestData.text): tests compare events by value. */
    @Override
    public SealedText sealText(String caseId, String text) {
        return text == null || destroyedKeys.contains(caseId) ? null : new SealedText("TEST", caseId, "", text);
    }

    @Override
    public List<String> indexForDuplicates(String caseId, PersonalDetails details) {
        indexed.put(caseId, details.givenName() + "|" + details.familyName() + "|" + details.dateOfBirth());
        return indexed.entrySet().stream()
                      .filter(e -> !e.getKey().equals(caseId) && e.getValue().equals(indexed.get(caseId)))
                      .map(Map.Entry::getKey).toList();
    }

    @Override
    public boolean destroyKey(String caseId) {
        destroyedKeys.add(caseId);
        indexed.remove(caseId);
        return true;
    }
}
