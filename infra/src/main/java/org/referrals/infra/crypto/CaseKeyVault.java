package org.referrals.infra.crypto;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.referrals.api.caseregistry.PersonalDetails;
import org.referrals.api.caseregistry.SealedPersonalData;
import org.referrals.api.common.SealedText;
import org.referrals.command.caseregistry.PersonalDataSealer;
import org.referrals.query.caseregistry.PersonalDataReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crypto-shredding: each case's personal data is sealed with AES-256-GCM under a data key of that case alone,
 * stored wrapped by the master key in the {@link CaseKeyStore}. The case id is bound in as associated data, so a
 * ciphertext cannot be passed off as another case's. The case's {@link BlindIndex} is kept in the same row, so it
 * is destroyed with the key.
 */
public class CaseKeyVault implements PersonalDataSealer, PersonalDataReader {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final Logger log = LoggerFactory.getLogger(CaseKeyVault.class);

    private final CaseKeyStore store;
    private final SecretKey masterKey;
    private final BlindIndex blindIndex;
    private final ErasureLedger erasures;

    /** Refuses a master key that does not open the store's keys: every case would read as erased. */
    public CaseKeyVault(CaseKeyStore store, SecretKey masterKey, ErasureLedger erasures) {
        this.store = store;
        this.masterKey = masterKey;
        this.blindIndex = new BlindIndex(masterKey);
        this.erasures = erasures;
        store.anyKey().ifPresent(key -> {
            try {
                AesGcm.decrypt(masterKey, AesGcm.Sealed.split(key.getValue()), wrapAssociatedData(key.getKey()));
            } catch (RuntimeException wrongKey) {
                throw new IllegalStateException("the master key does not open this data directory's case keys; "
                                                + "set REFERRALS_MASTER_KEY or REFERRALS_KEYS_DIR to the key kept for it");
            }
        });
    }

    @Override
    public SealedPersonalData seal(String caseId, PersonalDetails details) {
        SecretKey dataKey = dataKey(caseId).orElseGet(() -> createDataKey(caseId));
        byte[] plaintext;
        try {
            plaintext = JSON.writeValueAsBytes(details);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise personal data", e);
        }
        AesGcm.Sealed sealed = AesGcm.encrypt(dataKey, plaintext, associatedData(caseId));
        var base64 = Base64.getEncoder();
        return new SealedPersonalData(AesGcm.ALGORITHM, caseId, base64.encodeToString(sealed.nonce()),
                                      base64.encodeToString(sealed.ciphertext()));
    }

    @Override
    public Optional<PersonalDetails> open(SealedPersonalData sealed) {
        return dataKey(sealed.keyId()).map(key -> {
            var base64 = Base64.getDecoder();
            byte[] plaintext = AesGcm.decrypt(key, new AesGcm.Sealed(base64.decode(sealed.nonce()),
                                                                      base64.decode(sealed.ciphertext())),
                                              associatedData(sealed.keyId()));
            try {
                return JSON.readValue(plaintext, PersonalDetails.class);
            } catch (IOException e) {
                throw new IllegalStateException("sealed personal data is not readable", e);
            }
        });
    }

    @Override
    public List<String> indexForDuplicates(String caseId, PersonalDetails details) {
        String index = blindIndex.of(details.givenName(), details.familyName(), details.dateOfBirth());
        store.setBlindIndex(caseId, index);
        return store.casesWithBlindIndex(index, caseId);
    }

    /** Sealed under the case's existing key only: an erased case gets no new key, and its texts are not kept. */
    @Override
    public SealedText sealText(String caseId, String text) {
        if (text == null) {
            return null;
        }
        return dataKey(caseId).map(key -> {
            AesGcm.Sealed sealed = AesGcm.encrypt(key, text.getBytes(StandardCharsets.UTF_8), textAssociatedData(caseId));
            var base64 = Base64.getEncoder();
            return new SealedText(AesGcm.ALGORITHM, caseId, base64.encodeToString(sealed.nonce()),
                                  base64.encodeToString(sealed.ciphertext()));
        }).orElse(null);
    }

    @Override
    public Optional<String> openText(String caseId, SealedText text) {
        if (text == null) {
            return Optional.empty();
        }
        return dataKey(caseId).map(key -> text.isPlain() ? text.ciphertext() : new String(AesGcm.decrypt(key,
                new AesGcm.Sealed(Base64.getDecoder().decode(text.nonce()), Base64.getDecoder().decode(text.ciphertext())),
                textAssociatedData(caseId)), StandardCharsets.UTF_8));
    }

    @Override
    public List<String> possibleDuplicatesOf(String caseId) {
        return store.casesLike(caseId);
    }

    @Override
    public List<List<String>> duplicateGroups(int offset, int limit) {
        return store.duplicateGroups(offset, limit);
    }

    @Override
    public List<String> casesNamed(String givenName, String familyName, java.time.LocalDate dateOfBirth) {
        return store.casesWithBlindIndex(blindIndex.of(givenName, familyName, dateOfBirth), "");
    }

    @Override
    public long duplicateGroupCount() {
        return store.duplicateGroupCount();
    }

    /**
     * Destroys the case's data key (crypto-shredding): recorded in the {@link ErasureLedger} first, deleted in the
     * command's transaction, and once that committed, its earlier copies removed from the store's log.
     */
    public boolean destroyKey(String caseId) {
        erasures.record(caseId);
        boolean destroyed = store.delete(caseId);
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(committed -> forgetDeleted()));
        if (!CurrentUnitOfWork.isStarted()) {
            forgetDeleted();
        }
        return destroyed;
    }

    private void forgetDeleted() {
        if (!store.forgetDeleted()) {
            log.warn("an erased key's earlier page versions are still in the event store's log (readers kept the "
                     + "checkpoint from completing); the next erasure or a clean stop removes them");
        }
    }

    private Optional<SecretKey> dataKey(String caseId) {
        return store.find(caseId)
                .map(wrapped -> AesGcm.key(AesGcm.decrypt(masterKey, AesGcm.Sealed.split(wrapped), wrapAssociatedData(caseId))));
    }

    private SecretKey createDataKey(String caseId) {
        SecretKey dataKey = AesGcm.newKey();
        store.insert(caseId, AesGcm.encrypt(masterKey, dataKey.getEncoded(), wrapAssociatedData(caseId)).concatenated());
        return dataKey;
    }

    private static byte[] associatedData(String caseId) {
        return ("case-personal-data:" + caseId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] textAssociatedData(String caseId) {
        return ("case-text:" + caseId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] wrapAssociatedData(String caseId) {
        return ("case-data-key:" + caseId).getBytes(StandardCharsets.UTF_8);
    }
}
