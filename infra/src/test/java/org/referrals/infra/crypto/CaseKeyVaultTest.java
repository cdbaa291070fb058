package org.referrals.infra.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.caseregistry.SealedPersonalData;
import org.referrals.infra.eventstore.EventStoreDataSources;
import org.referrals.infra.support.Samples;

class CaseKeyVaultTest {

    @TempDir
    Path dataDir;
    private CaseKeyStore store;
    private KeysDirectory keys;
    private ErasureLedger ledger;
    private CaseKeyVault vault;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(dataDir.resolve("data"));
        store = new CaseKeyStore(EventStoreDataSources.embedded(dataDir.resolve("data").resolve("keys.db")), true);
        keys = KeysDirectory.of(null, dataDir.resolve("data"));
        ledger = new ErasureLedger(keys);
        vault = new CaseKeyVault(store, MasterKey.load(null, keys.resolve("master-key"), false), ledger);
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
        assertThat(ledger.caseIds()).as("recorded outside the data directory").containsExactly(caseId);
        assertThat(vault.destroyKey(caseId)).isFalse();
    }

    @Test
    void dataKeysAreStoredWrappedByTheMasterKey() {
        String caseId = UUID.randomUUID().toString();
        vault.seal(caseId, Samples.person());
        byte[] wrapped = store.find(caseId).orElseThrow();
        assertThat(wrapped).hasSize(12 + 32 + 16); // nonce, encrypted key, tag
        var otherMaster = MasterKey.load(Base64.getEncoder().encodeToString(new byte[32]), null, true);
        assertThatThrownBy(() -> new CaseKeyVault(store, otherMaster, ledger)).as("every case would read as erased")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not open");
    }

    @Test
    void aMissingMasterKeyIsNeverReplacedByANewOne() {
        vault.seal(UUID.randomUUID().toString(), Samples.person());
        Path elsewhere = dataDir.resolve("other-keys").resolve("master-key");
        assertThatThrownBy(() -> MasterKey.load(null, elsewhere, store.anyKey().isPresent()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REFERRALS_KEYS_DIR");
        assertThat(elsewhere).doesNotExist();
    }

    @Test
    void aMasterKeyAnEarlierVersionKeptInTheDataDirectoryMovesOutOfIt() throws IOException {
        Path data = dataDir.resolve("earlier");
        Files.createDirectories(data);
        Files.writeString(data.resolve("master-key"), Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        KeysDirectory moved = KeysDirectory.of(null, data);
        assertThat(data.resolve("master-key")).doesNotExist();
        assertThat(moved.path()).isEqualTo(dataDir.resolve("earlier-keys"));
        assertThat(MasterKey.load(null, moved.resolve("master-key"), true).getEncoded()).isEqualTo(new byte[32]);
        assertThatThrownBy(() -> KeysDirectory.of(data.resolve("keys").toString(), data))
                .hasMessageContaining("must not be inside the data directory");
    }

    @Test
    void theGeneratedMasterKeyIsKeptAndReused() throws Exception {
        Path file = keys.resolve("master-key");
        var again = MasterKey.load(null, file, false);
        assertThat(again.getEncoded()).isEqualTo(MasterKey.load("", file, true).getEncoded());
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
    }

    @Test
    void aConfiguredMasterKeyMustHave256Bits() {
        assertThatThrownBy(() -> MasterKey.load(Base64.getEncoder().encodeToString(new byte[16]), dataDir.resolve("x"), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
