package org.referrals.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.referrals.command.apikey.ApiKeySecrets;

/**
 * A configured admin key must be as hard to guess as a generated one: valid keys are never throttled. Refused when
 * the application starts, before any command is sent (so neither a command bus nor a data directory is needed here).
 */
class BootstrapAdminKeyTest {

    @Test
    void aWeakConfiguredKeyStopsTheStart() {
        for (String weak : new String[] {"admin123", "test-bootstrap-admin-key", "a".repeat(64), "abcdefghij".repeat(4)}) {
            assertThatThrownBy(() -> new BootstrapAdminKey(null, null, weak).start()).as(weak)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("too weak");
        }
    }

    @Test
    void generatedAndLongRandomKeysAreStrong() {
        assertThat(BootstrapAdminKey.isStrong(ApiKeySecrets.newSecret())).isTrue();
        assertThat(BootstrapAdminKey.isStrong("q2Vx9LmT4bNc8Rk3Hw6Jp1Zs7Yd5Gf0A")).isTrue();
    }
}
