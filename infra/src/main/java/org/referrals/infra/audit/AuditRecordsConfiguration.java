package org.referrals.infra.audit;

import com.mongodb.client.MongoDatabase;
import org.referrals.infra.DataDirectory;
import org.referrals.infra.ReferralsProperties;
import org.referrals.query.audit.AuditRecords;
import org.referrals.query.audit.MongoAuditRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the audit chain's links are kept: with the embedded in-memory MongoDB (rebuilt at every start) in a SQLite
 * file of their own in the data directory; with an external MongoDB (durable) in its {@code audit_chain}.
 */
@Configuration
public class AuditRecordsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditRecordsConfiguration.class);

    @Bean
    public AuditRecords auditRecords(ReferralsProperties properties, DataDirectory dataDirectory, MongoDatabase mongoDatabase) {
        if (properties.mongodb().embedded()) {
            var file = dataDirectory.resolve(SqliteAuditRecords.FILE);
            log.info("audit chain: links recorded in {}", file);
            return new SqliteAuditRecords(file);
        }
        return new MongoAuditRecords(mongoDatabase);
    }
}
