package org.referrals.infra.crypto;

import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.referrals.infra.DataDirectory;
import org.referrals.infra.ReferralsProperties;
import org.referrals.query.audit.AuditRecords;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

@Configuration
public class CryptoConfiguration {

    @Bean
    public CaseKeyStore caseKeyStore(DataSource dataSource, ReferralsProperties properties) {
        return new CaseKeyStore(dataSource, properties.eventstore().embedded());
    }

    @Bean
    public CaseKeyRetention caseKeyRetention(CaseKeyStore store) {
        return new CaseKeyRetention(store);
    }

    @Bean
    public KeysDirectory keysDirectory(DataDirectory dataDirectory, @Value("${referrals.keys-dir:}") String configured) {
        return KeysDirectory.of(configured, dataDirectory.path());
    }

    @Bean
    public ErasureLedger erasureLedger(KeysDirectory keys) {
        return new ErasureLedger(keys);
    }

    @Bean
    public CaseKeyVault caseKeyVault(CaseKeyStore store, ReferralsProperties properties, KeysDirectory keys, ErasureLedger erasures) {
        SecretKey masterKey = MasterKey.load(properties.masterKey(), keys.resolve(KeysDirectory.MASTER_KEY), store.anyKey().isPresent());
        return new CaseKeyVault(store, masterKey, erasures);
    }

    /** Where the command side runs (it holds the case keys); the event store runs it before anything reads events. */
    @Bean
    @Profile("!query")
    public PlainTextResealing plainTextResealing(DataSource dataSource, @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 CaseKeyVault vault, AuditRecords auditRecords, CaseKeyStore store,
                                                 ReferralsProperties properties) {
        if (!(eventSerializer instanceof JacksonSerializer jackson)) {
            throw new IllegalStateException("events are stored as JSON (axon.serializer.events: jackson)");
        }
        return new PlainTextResealing(dataSource, jackson, vault, auditRecords, store,
                                      properties.eventstore().embedded());
    }
}
