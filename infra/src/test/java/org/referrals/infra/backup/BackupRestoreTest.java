package org.referrals.infra.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.audit.AuditCheckpoint;
import org.referrals.api.audit.AuditVerification;
import org.referrals.api.caseregistry.CaseView;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.infra.api.ApiClient;
import org.referrals.infra.support.RunningApplication;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * A backup taken while referrals are being written restores into a new directory that starts, rebuilds its read
 * models, decrypts the cases' personal data (the key store came along; the master key from the keys directory, kept
 * apart) and verifies its audit chain through a checkpoint taken before the backup.
 */
class BackupRestoreTest {

    @TempDir
    Path dir;

    @Test
    void anOnlineBackupRestoresIntoANewDirectoryThatStartsAndVerifies() throws Exception {
        Path backups = dir.resolve("backups");
        String caseId;
        String referralId;
        String ownerKey;
        CaseView original;
        AuditCheckpoint checkpoint;
        Map<?, ?> taken;
        try (RunningApplication app = RunningApplication.start(dir.resolve("data"), "referrals.bootstrap-admin-key=" + ApiClient.ADMIN_KEY,
                                                               "referrals.backup-dir=" + backups, "referrals.backup.per-hour=2")) {
            ApiClient api = new ApiClient(app.web());
            var parties = api.parties("bk", ServiceCategory.HEALTH_CARE);
            ownerKey = parties.referrerKey();
            caseId = api.caseOf(ownerKey);
            referralId = api.refer(ownerKey, caseId, parties.receiver(), ServiceCategory.HEALTH_CARE).referralId();
            api.act(parties.receiverKey(), referralId, "accept", Map.of());
            await().atMost(Duration.ofSeconds(10)).until(() -> api.call(HttpMethod.GET, "/api/cases/" + caseId, ownerKey, null)
                                                                  .returnResult(String.class).getStatus().value() == 200);
            original = get(api, "/api/cases/" + caseId, ownerKey, CaseView.class);
            checkpoint = get(api, "/api/audit/checkpoint", ApiClient.ADMIN_KEY, AuditCheckpoint.class);

            // online: another client keeps writing while the backup is taken
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger written = new AtomicInteger();
            Thread writer = new Thread(() -> {
                while (writing.get()) {
                    api.refer(parties.referrerKey(), caseId, parties.receiver(), ServiceCategory.HEALTH_CARE);
                    written.incrementAndGet();
                }
            });
            writer.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> written.get() >= 3);
            taken = api.post("/api/admin/backups", ApiClient.ADMIN_KEY, null).expectStatus().isCreated()
                       .expectBody(Map.class).returnResult().getResponseBody();
            writing.set(false);
            writer.join();
            api.post("/api/admin/backups", api.coordinatorKey(), null).expectStatus().isForbidden();
            // two an hour here: a second, then a refusal that says when to come back
            api.post("/api/admin/backups", ApiClient.ADMIN_KEY, null).expectStatus().isCreated();
            api.post("/api/admin/backups", ApiClient.ADMIN_KEY, null).expectStatus().isEqualTo(429)
               .expectHeader().exists("Retry-After").expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }

        Path backup = Path.of(taken.get("file").toString());
        assertThat(backup).exists().hasParent(backups);
        assertThat(taken.get("masterKeyIncluded")).as("the master key is backed up apart").isEqualTo(false);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");

        Path restored = dir.resolve("restored");
        try (RunningApplication app = RunningApplication.start(restored, "referrals.restore-from=" + backup,
                                                               "referrals.keys-dir=" + dir.resolve("data-keys"),
                                                               "referrals.bootstrap-admin-key=" + ApiClient.ADMIN_KEY)) {
            ApiClient api = new ApiClient(app.web());
            await().atMost(Duration.ofSeconds(30)).until(() -> api.call(HttpMethod.GET, "/api/cases/" + caseId, ownerKey, null)
                                                                  .returnResult(String.class).getStatus().value() == 200);
            CaseView again = get(api, "/api/cases/" + caseId, ownerKey, CaseView.class);
            assertThat(again.person()).as("personal data decrypts: key store and master key restored").isEqualTo(original.person());
            await().atMost(Duration.ofSeconds(30)).until(() -> api.call(HttpMethod.GET, "/api/referrals/" + referralId, ownerKey, null)
                                                                  .returnResult(String.class).getStatus().value() == 200);
            AuditVerification verification = get(api, "/api/audit/verify?checkpointSeq=" + checkpoint.headSeq()
                    + "&checkpointHash=" + checkpoint.headHash(), ApiClient.ADMIN_KEY, AuditVerification.class);
            assertThat(verification.verified()).isTrue();
            assertThat(verification.checkpointMatches()).isTrue();
            assertThat(verification.checkedEvents()).isGreaterThanOrEqualTo(checkpoint.count());
        }
        assertThat(restored.resolve("master-key")).doesNotExist();

        assertThatThrownBy(() -> EmbeddedBackup.restore(backup, restored)).as("never over an existing event store")
                .hasMessageContaining("already holds an event store");
    }

    private static <T> T get(ApiClient api, String path, String key, Class<T> type) {
        return api.call(HttpMethod.GET, path, key, null).expectStatus().isOk().expectBody(type).returnResult().getResponseBody();
    }
}
