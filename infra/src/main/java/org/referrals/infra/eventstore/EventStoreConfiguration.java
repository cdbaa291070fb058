package org.referrals.infra.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.referrals.infra.DataDirectory;
import org.referrals.infra.ReferralsProperties;
import org.referrals.infra.crypto.PlainTextResealing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store: Axon's {@link JdbcEventStorageEngine} on the embedded SQLite file database, or on the database of
 * {@code REFERRALS_EVENTSTORE_URL} (PostgreSQL). With Axon Server configured the connector's event store is used
 * instead, and the JDBC database keeps only the case key store.
 */
@Configuration
public class EventStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventStoreConfiguration.class);

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(ReferralsProperties properties, DataDirectory dataDirectory,
                                       @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        ReferralsProperties.EventStore config = properties.eventstore();
        String role = axonServer ? "case key store (events go to Axon Server)" : "event store";
        if (config.embedded()) {
            var file = dataDirectory.resolve(EmbeddedEventStoreFiles.SQLITE);
            log.info("{}: embedded SQLite database {}", role, file);
            HikariDataSource sqlite = EventStoreDataSources.embedded(file);
            EmbeddedEventStoreFiles.migrateFromH2(dataDirectory.path(), sqlite);
            return sqlite;
        }
        log.info("{}: external database {}", role, config.url().replaceAll("\\?.*", ""));
        return EventStoreDataSources.external(config.url(), config.user(), config.password());
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 ReferralsProperties properties,
                                                 ObjectProvider<PlainTextResealing> resealing,
                                                 org.referrals.infra.caseclosure.JdbcOpenReferrals openReferrals,
                                                 javax.sql.DataSource dataSource) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .dataType(String.class) // JSON as text: readable with any SQL client
                .readEventDataWithGaps(new BoundedGapQuery());
        JdbcEventStorageEngine engine = (properties.eventstore().embedded() ? SqliteTokenQueries.apply(builder) : builder).build();
        engine.createSchema(tableFactory(properties.eventstore()));
        // before anything reads the events: texts an earlier version stored in clear are sealed (once)
        resealing.ifAvailable(PlainTextResealing::run);
        // a store written before the open referrals were kept: read into their table once
        openReferrals.fillIfNew(engine, dataSource);
        return engine;
    }

    /**
     * Axon's embedded event store, with a stream of its own for each processor. By default the processors near the
     * head share a producer's linked list of recent events, and one that stops reading (its work packages full)
     * keeps every event added to that list since, until a cleaner running every 10 s lets it go. On the
     * 1,000,000-event catch-up that list held 711,000 events, 700 MB, and the heap ran out (BENCHMARKS.md). Here
     * each processor queries the store itself: one query per batch and processor instead of a shared one.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                                 .storageEngine(storageEngine)
                                 .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                                 .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                                 .optimizeEventConsumption(false)
                                 .build();
    }

    static EventTableFactory tableFactory(ReferralsProperties.EventStore config) {
        return config.embedded() || !EventStoreDataSources.isPostgres(config.url())
                ? JsonEventTableFactory.SQLITE
                : JsonEventTableFactory.POSTGRES;
    }
}
