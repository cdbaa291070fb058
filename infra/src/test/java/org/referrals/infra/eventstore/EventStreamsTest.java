package org.referrals.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each processor's stream reads the store itself, so an event one processor has read is not kept in memory for
 * another that has stopped reading. With Axon's shared list of recent events it was (the list and the idle stream
 * both hold it), until a cleaner let the idle stream go 10 s later: 711,000 events at once in a catch-up.
 */
class EventStreamsTest {

    /** Few enough to be read well within the 10 s after which Axon's cleaner lets an idle stream go. */
    private static final int EVENTS = 2_000;

    @TempDir
    Path dir;

    @Test
    void anEventReadByOneStreamIsNotKeptForAnotherThatStoppedReading() throws Exception {
        try (HikariDataSource dataSource = EventStoreDataSources.embedded(dir.resolve("events.db"))) {
            JdbcEventStorageEngine engine = SqliteTokenQueries.apply(JdbcEventStorageEngine.builder())
                    .snapshotSerializer(JacksonSerializer.defaultSerializer())
                    .eventSerializer(JacksonSerializer.defaultSerializer())
                    .connectionProvider(new DataSourceConnectionProvider(dataSource))
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .dataType(String.class)
                    .build();
            engine.createSchema(JsonEventTableFactory.SQLITE);
            Configuration configuration = DefaultConfigurer.defaultConfiguration().buildConfiguration();
            EmbeddedEventStore store = new EventStoreConfiguration().eventStore(engine, configuration);
            try {
                TrackingEventStream reader = store.openStream(null);
                TrackingEventStream idle = store.openStream(null);
                // both read the first event and reach the head: where the store shares a list, both now follow it
                store.publish(GenericEventMessage.asEventMessage("first"));
                reader.nextAvailable();
                idle.nextAvailable();
                reader.hasNextAvailable();
                idle.hasNextAvailable();
                store.publish(GenericEventMessage.asEventMessage("second"));
                reader.nextAvailable();
                idle.nextAvailable();

                // the reader keeps up, batch by batch (where the store shares a list, it reads from that list)
                WeakReference<TrackedEventMessage<?>> firstRead = null;
                for (int batch = 0; batch < EVENTS / 1000; batch++) {
                    int first = batch * 1000;
                    store.publish(IntStream.range(first, first + 1000).mapToObj(i -> GenericEventMessage.asEventMessage("payload " + i)).toList());
                    for (int i = 0; i < 1000; i++) {
                        TrackedEventMessage<?> event = reader.nextAvailable();
                        if (firstRead == null) {
                            firstRead = new WeakReference<>(event);
                        }
                    }
                }
                for (int attempt = 0; attempt < 10 && firstRead.get() != null; attempt++) {
                    System.gc();
                    Thread.sleep(50);
                }
                assertThat(firstRead.get()).as("the first of %d events the idle stream has not read", EVENTS).isNull();
                assertThat(List.of(idle.nextAvailable().getPayload())).as("the idle stream still gets it").containsExactly("payload 0");
                reader.close();
                idle.close();
            } finally {
                store.shutDown();
            }
        }
    }
}
