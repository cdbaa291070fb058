package org.referrals.infra.crypto;

import java.time.Instant;
import java.util.List;
import org.referrals.command.caseregistry.retention.CaseRetention;

/** Closure times in the case's key row: erasure deletes the row, so an erased case is never due again. */
public class CaseKeyRetention implements CaseRetention {

    private final CaseKeyStore store;

    public CaseKeyRetention(CaseKeyStore store) {
        this.store = store;
    }

    @Override
    public void closed(String caseId, Instant closedAt) {
        store.setClosedAt(caseId, closedAt);
    }

    @Override
    public List<String> closedBefore(Instant cutoff, int limit) {
        return store.closedBefore(cutoff, limit);
    }
}
