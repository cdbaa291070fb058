package org.referrals.command.testing;

import java.util.ArrayList;
import java.util.List;
import org.referrals.api.caseregistry.PersonalDetails;
import org.referrals.api.caseregistry.SealedPersonalData;
import org.referrals.command.caseregistry.PersonalDataSealer;

/** Seals into a recognisable placeholder and remembers which keys were destroyed. */
public class FakeSealer implements PersonalDataSealer {

    public final List<String> destroyedKeys = new ArrayList<>();

    @Override
    public SealedPersonalData seal(String caseId, PersonalDetails details) {
        return TestData.sealed(caseId);
    }

    @Override
    public boolean destroyKey(String caseId) {
        destroyedKeys.add(caseId);
        return true;
    }
}
