package org.referrals.api.referral;

/**
 * A command on an existing referral. {@code expectedVersion} (from an {@code If-Match} header) makes it
 * conditional: null means unconditional.
 */
public interface ReferralAction {
    String referralId();

    Long expectedVersion();
}
