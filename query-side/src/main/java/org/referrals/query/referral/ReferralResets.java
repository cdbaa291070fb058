package org.referrals.query.referral;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * How many times the referrals projection has dropped its documents to rebuild them, in this process: after a reset
 * {@link ReferralSnapshots} reads every referral again (a rebuild rewrites documents at the positions they had, which
 * a refresh of what changed would not see).
 */
@Component
public class ReferralResets {

    private final AtomicLong resets = new AtomicLong();

    void reset() {
        resets.incrementAndGet();
    }

    long count() {
        return resets.get();
    }
}
