package org.referrals.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.referrals.api.apikey.ApiKeyIssued;
import org.referrals.api.common.Role;

/**
 * A key revoked before the (asynchronous) projection has written it stays revoked when the projection catches up:
 * the immediate revocation leaves a tombstone that the issue event does not overwrite.
 */
class ApiKeyDirectoryTest {

    @Test
    void aKeyRevokedRightAfterItsIssueStaysRevokedWhenTheProjectionCatchesUp() {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (var client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""))) {
            ApiKeyDirectory directory = new ApiKeyDirectory(client.getDatabase("test"));
            directory.revokedNow("k1");
            assertThat(directory.find("k1")).hasValueSatisfying(record -> assertThat(record.revoked()).isTrue());

            directory.issued(new ApiKeyIssued("k1", Role.ANALYST, null, "label", "salt", "hash"), 0, Instant.now());
            assertThat(directory.find("k1")).hasValueSatisfying(record -> assertThat(record.revoked()).isTrue());
            directory.revoked("k1", 1, Instant.now());
            assertThat(directory.find("k1")).hasValueSatisfying(record -> assertThat(record.revoked()).isTrue());

            directory.issued(new ApiKeyIssued("k2", Role.ANALYST, null, "label", "salt", "hash"), 0, Instant.now());
            assertThat(directory.find("k2")).hasValueSatisfying(record -> {
                assertThat(record.revoked()).isFalse();
                assertThat(record.role()).isEqualTo(Role.ANALYST);
            });
            directory.revokedNow("k2");
            assertThat(directory.find("k2")).hasValueSatisfying(record -> assertThat(record.revoked()).isTrue());
        } finally {
            server.shutdownNow();
        }
    }
}
