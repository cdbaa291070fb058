package org.referrals.api.apikey;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ApiKeyRevoked(String keyId) {
}
