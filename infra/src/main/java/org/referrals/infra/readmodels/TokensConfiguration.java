package org.referrals.infra.readmodels;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The projections' tracking tokens: in MongoDB beside the read models, stored only after the batch's writes. */
@Configuration
public class TokensConfiguration {

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return new TokenAfterProjectionWrites(MongoTokenStore.builder()
                                                             .mongoTemplate(axonMongoTemplate)
                                                             .serializer(serializer)
                                                             .transactionManager(NoTransactionManager.INSTANCE)
                                                             .build());
    }

    /** The token store's segments as stored, for the projections' status and verification. */
    @Bean
    public org.referrals.query.admin.StoredTokens storedTokens(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return new MongoStoredTokens(axonMongoTemplate, serializer);
    }
}
