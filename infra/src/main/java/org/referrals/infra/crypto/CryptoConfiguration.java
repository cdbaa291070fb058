package org.referrals.infra.crypto;

import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.referrals.infra.DataDirectory;
import org.referrals.infra.ReferralsProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
