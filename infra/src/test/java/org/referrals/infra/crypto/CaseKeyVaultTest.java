package org.referrals.infra.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.referrals.infra.eventstore.EventStoreDataSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.caseregistry.SealedPersonalData;
import org.referrals.infra.support.Samples;

class CaseKeyVaultTest {

    @TempDir
    Path dataDir;
    private CaseKeyStore store;
    private CaseKeyVault vault;

    @BeforeEach
    void setUp() {
        store = new CaseKeyStore(EventStoreDataSources.embedded(dataDir.resolve("keys.db")), true);
        vault = new CaseKeyVault(store, MasterKey.load(null, dataDir.resolve("master-key")));
    }

    @Test
    void sealedDataOpensWithItsCaseKeyAndTwoSealsDiffer() {
        String caseId = UUID.randomUUID().toString();
        SealedPersonalData first = vault.seal(caseId, Samples.person());
        SealedPersonalData second = vault.seal(caseId, Samples.person());
        assertThat(first.algorithm()).isEqualTo("AES-256-GCM");
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext()); // fresh nonce each time
        assertThat(vault.open(first)).contains(Samples.person());
        assertThat(vault.open(second)).contains(Samples.person());
    }

    @Test
    void eachCaseHasItsOwnKey() {
        String one = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        SealedPersonalData sealed = vault.seal(one, Samples.person());
        vault.seal(other, Samples.person());
        var passedOffAsOther = new SealedPersonalData(sealed.algorithm(), other, sealed.nonce(), sealed.ciphertext());
        assertThatThrownBy(() -> vault.open(passedOffAsOther)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedCiphertextIsRefused() {
        String caseId = UUID.randomUUID().toString();
        SealedPersonalData sealed = vault.seal(caseId, Samples.person());
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[0] ^= 1;
        var tampered = new SealedPersonalData(sealed.algorithm(), caseId, sealed.nonce(), Base64.getEncoder().encodeToString(bytes));
        assertThatThrownBy(() -> vault.open(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void destroyingTheKeyMakesTheDataUnreadable() {
        String caseId = UUID.randomUUID().toString();
        SealedPersonalData sealed = vault.seal(caseId, Samples.person());
        assertThat(vault.destroyKey(caseId)).isTrue();
        assertThat(vault.open(sealed)).isEmpty();
        assertThat(vault.destroyKey(caseId)).isFalse();
    }

    @Test
    void dataKeysAreStoredWrappedByTheMasterKey() {
        String caseId = UUID.randomUUID().toString();
        vault.seal(caseId, Samples.person());
        byte[] wrapped = store.find(caseId).orElseThrow();
        assertThat(wrapped).hasSize(12 + 32 + 16); // nonce, encrypted key, tag
        var otherMaster = new CaseKeyVault(store, MasterKey.load(Base64.getEncoder().encodeToString(new byte[32]), null));
        assertThatThrownBy(() -> otherMaster.open(vault.seal(caseId, Samples.person())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theGeneratedMasterKeyIsKeptAndReused() throws Exception {
        Path file = dataDir.resolve("master-key");
        var again = MasterKey.load(null, file);
        assertThat(again.getEncoded()).isEqualTo(MasterKey.load("", file).getEncoded());
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
    }

    @Test
    void aConfiguredMasterKeyMustHave256Bits() {
        assertThatThrownBy(() -> MasterKey.load(Base64.getEncoder().encodeToString(new byte[16]), dataDir.resolve("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
