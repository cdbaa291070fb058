package org.referrals.infra.crypto;

import javax.sql.DataSource;
import org.referrals.infra.DataDirectory;
import org.referrals.infra.ReferralsProperties;
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
    public CaseKeyVault caseKeyVault(CaseKeyStore store, ReferralsProperties properties, DataDirectory dataDirectory) {
        return new CaseKeyVault(store, MasterKey.load(properties.masterKey(), dataDirectory.resolve("master-key")));
    }
}
