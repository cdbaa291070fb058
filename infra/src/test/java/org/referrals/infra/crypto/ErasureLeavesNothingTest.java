package org.referrals.infra.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.caseregistry.CaseView;
import org.referrals.api.caseregistry.ConsentTerms;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.caseregistry.PersonalDetails;
import org.referrals.api.caseregistry.Sex;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.infra.api.ApiClient;
import org.referrals.infra.support.RunningApplication;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attack on crypto-shredding, run as the attacker ran it: with the whole data directory, a backup taken after
 * the erasure and the master key from where the application keeps it, try every 60-byte window of every file as the
 * erased case's wrapped data key. Nothing may unwrap, while the application runs and after a clean stop; the master
 * key is in neither; and a backup taken before the erasure, restored, does not bring the person back.
 */
class ErasureLeavesNothingTest {

    private static final int WRAPPED = 12 + 32 + 16; // nonce, data key, tag

    @TempDir
    Path dir;

    @Test
    void noWindowOfAnyFileUnwrapsTheErasedKeyAndARestoreErasesAgain() throws Exception {
        Path data = dir.resolve("data");
        Path keysDir = dir.resolve("data-keys");
        Path backups = dir.resolve("backups");
        String erased;
        String kept;
        String ownerKey;
        byte[] wrappedKey;
        Path before;
        Path after;
        try (RunningApplication app = RunningApplication.start(data, "referrals.bootstrap-admin-key=" + ApiClient.ADMIN_KEY,
                                                               "referrals.backup-dir=" + backups)) {
            ApiClient api = new ApiClient(app.web());
            var parties = api.parties("shred", ServiceCategory.HEALTH_CARE);
            ownerKey = parties.referrerKey();
            erased = register(api, ownerKey, "Yasmina", "Oulad-Tefrit");
            kept = register(api, ownerKey, "Khadija", "Benali-Ouchen");
            String referral = api.post("/api/referrals", ownerKey, Map.of("caseId", erased, "toPartnerId", parties.receiver(),
                    "serviceCategory", "HEALTH_CARE", "urgency", "PRIORITY", "reason", "Yasmina Oulad-Tefrit needs a check-up"))
                    .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("referralId").toString();
            api.act(parties.receiverKey(), referral, "decline",
                    Map.of("reasonCode", "NO_CAPACITY", "note", "no bed for Yasmina Oulad-Tefrit, call 0612 345 678"));
            // free texts are sealed at rest like the personal data: no file holds them even before the erasure
            assertThat(StoredBytes.filesContaining(StoredBytes.files(data), "Oulad-Tefrit", "0612 345 678")).isEmpty();
            before = backup(api);
            wrappedKey = app.bean(JdbcTemplate.class).queryForObject("SELECT wrapped_key FROM case_data_key WHERE case_id = ?",
                                                                     byte[].class, erased);
            assertThat(wrappedKey).hasSize(WRAPPED);

            api.post("/api/cases/" + erased + "/erasure", ApiClient.ADMIN_KEY, Map.of("justification", "request of the data subject"))
               .expectStatus().isOk();
            after = backup(api);

            byte[] masterKey = Base64.getDecoder().decode(Files.readString(keysDir.resolve("master-key")).trim());
            Map<String, byte[]> running = StoredBytes.files(data);
            running.putAll(StoredBytes.entries(after));
            assertNothingOpens(running, masterKey, erased, wrappedKey);
            assertThat(StoredBytes.filesContaining(running, "Oulad-Tefrit", "0612 345 678", "Yasmina")).isEmpty();
            assertThat(api.call(HttpMethod.GET, "/api/referrals/" + referral, ownerKey, null).expectStatus().isOk()
                          .expectBody(Map.class).returnResult().getResponseBody().get("declineNote")).isNull();
            // the scan sees the stores: the kept case's key is found by the same windows
            byte[] keptKey = app.bean(JdbcTemplate.class).queryForObject("SELECT wrapped_key FROM case_data_key WHERE case_id = ?",
                                                                         byte[].class, kept);
            assertThat(unwrapping(running, masterKey, kept)).as("the kept case's key, found by the same scan").isNotEmpty();
            assertThat(keptKey).hasSize(WRAPPED);
        }
        byte[] masterKey = Base64.getDecoder().decode(Files.readString(keysDir.resolve("master-key")).trim());
        assertNothingOpens(StoredBytes.files(data), masterKey, erased, wrappedKey);

        try (RunningApplication restored = RunningApplication.start(dir.resolve("restored"), "referrals.restore-from=" + before,
                "referrals.keys-dir=" + keysDir, "referrals.bootstrap-admin-key=" + ApiClient.ADMIN_KEY)) {
            ApiClient api = new ApiClient(restored.web());
            CaseView again = await().atMost(Duration.ofSeconds(30)).until(() -> caseView(api, erased, ownerKey),
                                                                          view -> view != null && view.erased());
            assertThat(again.person()).isNull();
            assertThat(restored.bean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM case_data_key WHERE case_id = ?",
                                                                        Integer.class, erased)).isZero();
            CaseView other = await().atMost(Duration.ofSeconds(30)).until(() -> caseView(api, kept, ownerKey), view -> view != null);
            assertThat(other.person().givenName()).isEqualTo("Khadija");
        }
    }

    static String register(ApiClient api, String key, String givenName, String familyName) {
        var person = new PersonalDetails(givenName, familyName, LocalDate.of(1994, 2, 17), Sex.FEMALE, "MA", "+212 612 345 678", List.of("ar"));
        var body = Map.of("person", person, "vulnerabilities", List.of("GBV_SURVIVOR"), "countryOfReturn", "MA",
                          "consent", new ConsentTerms(LegalBasis.CONSENT, List.of(), List.of(), null));
        return api.post("/api/cases", key, body).expectStatus().isCreated().expectBody(Map.class).returnResult()
                  .getResponseBody().get("caseId").toString();
    }

    private static Path backup(ApiClient api) {
        return Path.of(api.post("/api/admin/backups", ApiClient.ADMIN_KEY, null).expectStatus().isCreated()
                          .expectBody(Map.class).returnResult().getResponseBody().get("file").toString());
    }

    private static CaseView caseView(ApiClient api, String caseId, String key) {
        var result = api.call(HttpMethod.GET, "/api/cases/" + caseId, key, null).returnResult(CaseView.class);
        return result.getStatus().value() == 200 ? result.getResponseBody().blockFirst() : null;
    }

    private static void assertNothingOpens(Map<String, byte[]> files, byte[] masterKey, String caseId, byte[] wrappedKey) throws Exception {
        assertThat(files).as("the scan has files to read").isNotEmpty();
        assertThat(unwrapping(files, masterKey, caseId)).as("windows that unwrap the erased case's key").isEmpty();
        String encodedMasterKey = Base64.getEncoder().encodeToString(masterKey);
        files.forEach((name, bytes) -> {
            assertThat(StoredBytes.indexOf(bytes, wrappedKey)).as("the wrapped key's bytes in %s", name).isNegative();
            assertThat(StoredBytes.indexOf(bytes, masterKey)).as("the master key in %s", name).isNegative();
            assertThat(StoredBytes.indexOf(bytes, encodedMasterKey.getBytes(StandardCharsets.US_ASCII))).as("the master key in %s", name).isNegative();
        });
    }

    /** The files (name: where) in which some 60-byte window opens under the master key as this case's data key. */
    private static List<String> unwrapping(Map<String, byte[]> files, byte[] masterKey, String caseId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        SecretKeySpec key = new SecretKeySpec(masterKey, "AES");
        byte[] associatedData = ("case-data-key:" + caseId).getBytes(StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        for (var file : files.entrySet()) {
            byte[] bytes = file.getValue();
            for (int at = 0; at + WRAPPED <= bytes.length; at++) {
                try {
                    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, at, 12));
                    cipher.updateAAD(associatedData);
                    cipher.doFinal(bytes, at + 12, WRAPPED - 12);
                    found.add(file.getKey() + ":" + at);
                } catch (javax.crypto.AEADBadTagException notIt) {
                    // the expected answer for every window but a key's
                }
            }
        }
        return found;
    }
}
