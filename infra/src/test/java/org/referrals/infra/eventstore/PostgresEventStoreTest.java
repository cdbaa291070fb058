package org.referrals.infra.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.referrals.infra.support.Samples.COORDINATOR;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.caseregistry.CaseRegistered;
import org.referrals.api.common.Actor;
import org.referrals.api.partner.PartnerRegistered;
import org.referrals.infra.crypto.CaseKeyVault;
import org.referrals.infra.support.PostgresSchema;
import org.referrals.infra.support.RunningApplication;
import org.referrals.infra.support.Samples;

/**
 * The JDBC event store on the real PostgreSQL server of this machine (127.0.0.1:5432, database {@code test}),
 * in a schema of its own that the application creates its tables in, and that is dropped afterwards.
 */
class PostgresEventStoreTest {

    private static PostgresSchema schema;
    private static String SCHEMA;

    @TempDir
    static Path dataDir;
    private static RunningApplication app;

    @BeforeAll
    static void startOnPostgres() throws Exception {
        schema = PostgresSchema.create("referrals_test");
        SCHEMA = schema.name();
        app = RunningApplication.start(dataDir, schema.applicationProperties());
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (app != null) {
            app.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void theSchemaIsCreatedInPostgresAndEventsAreReadBackAndReadableAsJson() throws Exception {
        app.send(Samples.partner("ngo-postgres"), COORDINATOR);
        var registerCase = Samples.caseWithConsentForAnything();
        app.send(registerCase, Actor.partnerAgent("key-agent", "ngo-postgres"));

        EventStore eventStore = app.bean(EventStore.class);
        assertThat(eventStore.readEvents("ngo-postgres").next().getPayload()).isInstanceOf(PartnerRegistered.class);
        var registered = (CaseRegistered) eventStore.readEvents(registerCase.caseId()).next().getPayload();
        assertThat(app.bean(CaseKeyVault.class).open(registered.personalData())).contains(registerCase.person());

        try (Connection connection = schema.connect()) {
            var rows = connection.createStatement().executeQuery(
                    "SELECT payload, metadata FROM " + SCHEMA + ".domainevententry WHERE aggregateidentifier = 'ngo-postgres'");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("payload")).contains("\"partnerId\":\"ngo-postgres\"", "\"kind\":\"NGO\"");
            assertThat(rows.getString("metadata")).contains("\"role\":\"COORDINATOR\"");
            assertThat(rows.next()).isFalse();
            var keys = connection.createStatement().executeQuery("SELECT count(*) FROM " + SCHEMA + ".case_data_key");
            keys.next();
            assertThat(keys.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void concurrentAppendsOfTheSameAggregateSequenceAdmitExactlyOne() throws Exception {
        EventStorageEngine engine = app.bean(EventStorageEngine.class);
        String aggregateId = "probe-" + UUID.randomUUID();
        for (long sequence = 0; sequence < 3; sequence++) {
            List<Throwable> refusals = raceToAppend(engine, aggregateId, sequence, 4);
            // the first event of a stream is a creation: Axon reports its conflict as AggregateStreamCreationException
            Class<?> conflict = sequence == 0 ? AggregateStreamCreationException.class : ConcurrencyException.class;
            assertThat(refusals).as("sequence " + sequence).hasSize(3).allMatch(conflict::isInstance);
        }
        List<Long> stored = engine.readEvents(aggregateId).asStream().map(event -> event.getSequenceNumber()).toList();
        assertThat(stored).containsExactly(0L, 1L, 2L);
    }

    /** Several threads append an event with the same sequence number at once; answers what each one threw. */
    private static List<Throwable> raceToAppend(EventStorageEngine engine, String aggregateId, long sequence,
                                                int writers) throws Exception {
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Throwable>> outcomes = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int id = writer;
                Callable<Throwable> append = () -> {
                    EventMessage<?> event = new GenericDomainEventMessage<>("Probe", aggregateId, sequence,
                                                                            Map.of("writer", id));
                    start.await();
                    try {
                        engine.appendEvents(event);
                        return null;
                    } catch (RuntimeException refused) {
                        return refused;
                    }
                };
                outcomes.add(pool.submit(append));
            }
            List<Throwable> refusals = new ArrayList<>();
            for (Future<Throwable> outcome : outcomes) {
                Throwable thrown = outcome.get();
                if (thrown != null) {
                    refusals.add(thrown);
                }
            }
            return refusals;
        } finally {
            pool.shutdownNow();
        }
    }
}
