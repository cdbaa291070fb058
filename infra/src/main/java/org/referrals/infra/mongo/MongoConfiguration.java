package org.referrals.infra.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.referrals.infra.ReferralsProperties;
import org.referrals.query.referral.ReferralProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * MongoDB: the embedded in-memory server when {@code REFERRALS_MONGODB_URI} is not set, else that MongoDB. Axon's token
 * store and saga store live here. MongoDB is used without multi-document transactions (the embedded server has
 * none), so these stores run with Axon's {@link NoTransactionManager}; the JDBC transaction manager that Axon
 * uses for units of work covers the event store (and case key store) only.
 */
@Configuration
public class MongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${referrals.mongodb.uri:}'.isBlank()")
    public EmbeddedMongoServer embeddedMongoServer(ReferralsProperties properties) {
        EmbeddedMongoServer server = EmbeddedMongoServer.start(properties.mongodb().embeddedPort());
        log.info("MongoDB: embedded in-memory server on 127.0.0.1:{}, rebuilt from the event store at start", server.port());
        return server;
    }

    /** Sync client: Axon's stores and the projections' writes. */
    @Bean(destroyMethod = "close")
    public MongoClient mongoClient(ReferralsProperties properties, ObjectProvider<EmbeddedMongoServer> embedded,
                                   ObjectProvider<MongoClientSettingsBuilderCustomizer> customizers) {
        if (!properties.mongodb().embedded()) {
            log.info("MongoDB: external server, database {}", properties.mongodb().database());
        }
        return MongoClients.create(settings(properties, embedded, customizers));
    }

    /** Reactive client: the query endpoints' reads. */
    @Bean(destroyMethod = "close")
    public com.mongodb.reactivestreams.client.MongoClient reactiveMongoClient(ReferralsProperties properties,
                                                                              ObjectProvider<EmbeddedMongoServer> embedded,
                                                                              ObjectProvider<MongoClientSettingsBuilderCustomizer> customizers) {
        return com.mongodb.reactivestreams.client.MongoClients.create(settings(properties, embedded, customizers));
    }

    /** With the read models' declared indexes on an external MongoDB (the embedded server ignores them, warning). */
    @Bean
    public MongoDatabase mongoDatabase(MongoClient mongoClient, ReferralsProperties properties) {
        MongoDatabase database = mongoClient.getDatabase(properties.mongodb().database());
        if (!properties.mongodb().embedded()) {
            database.getCollection(ReferralProjection.COLLECTION).createIndexes(ReferralProjection.INDEXES);
        }
        return database;
    }

    @Bean
    public com.mongodb.reactivestreams.client.MongoDatabase reactiveMongoDatabase(
            com.mongodb.reactivestreams.client.MongoClient reactiveMongoClient, ReferralsProperties properties) {
        return reactiveMongoClient.getDatabase(properties.mongodb().database());
    }

    /** Spring Boot's customizers apply too (e.g. a command listener for tracing), after ours. */
    private static MongoClientSettings settings(ReferralsProperties properties, ObjectProvider<EmbeddedMongoServer> embedded,
                                                ObjectProvider<MongoClientSettingsBuilderCustomizer> customizers) {
        ReferralsProperties.Mongo config = properties.mongodb();
        String uri = config.embedded() ? embedded.getObject().connectionString() : config.uri();
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                // fail in seconds, not the driver's 30, when MongoDB is unreachable: queries answer 503 and the
                // processors retry with back-off; a serverSelectionTimeoutMS in the URI still wins
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, java.util.concurrent.TimeUnit.SECONDS))
                .applyConnectionString(new ConnectionString(uri))
                .writeConcern(config.embedded() ? WriteConcern.ACKNOWLEDGED : WriteConcern.MAJORITY.withJournal(true));
        customizers.orderedStream().forEach(customizer -> customizer.customize(settings));
        return settings.build();
    }

    @Bean
    public MongoTemplate axonMongoTemplate(MongoClient mongoClient, ReferralsProperties properties) {
        return DefaultMongoTemplate.builder().mongoDatabase(mongoClient, properties.mongodb().database()).build();
    }

    @Bean
    public SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
    }
}
