package org.referrals.infra;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code referrals.*}; application.yml maps each from its REFERRALS_* environment variable.
 *
 * @param dataDir   where the embedded databases and generated keys live
 * @param masterKey base64 of the 256-bit key that wraps every case's data key; generated when blank
 */
@ConfigurationProperties("referrals")
public record ReferralsProperties(String dataDir, String masterKey, EventStore eventstore, Mongo mongodb) {

    /** @param url empty for the embedded H2 database, or a JDBC URL (PostgreSQL) */
    public record EventStore(String url, String user, String password) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /** @param uri empty for the embedded MongoDB-wire server, else a MongoDB connection string */
    public record Mongo(String uri, String database, int embeddedPort) {
        public boolean embedded() {
            return uri == null || uri.isBlank();
        }
    }

    public Path dataPath() {
        return Path.of(dataDir == null || dataDir.isBlank() ? "./data" : dataDir).toAbsolutePath().normalize();
    }
}
