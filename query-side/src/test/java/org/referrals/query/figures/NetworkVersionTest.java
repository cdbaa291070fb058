package org.referrals.query.figures;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referrals.query.referral.ReferralIndex;

/** The network's version moves after a round that rewrote nodes or edges, or after a committed agreement, and only then. */
class NetworkVersionTest {

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private DerivedFigures figures;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("test");
        figures = new DerivedFigures(database, new ReferralIndex(database), Clock.systemUTC());
        figures.destroy(); // no background rounds: the test runs them
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private long version() {
        Document counter = database.getCollection(NetworkVersion.COLLECTION).find().first();
        return counter == null ? 0 : counter.getLong("version");
    }

    @Test
    void aRoundMovesTheVersionOnlyWhenTheNetworkChanged() {
        figures.refresh();
        assertThat(version()).as("nothing marked").isZero();

        figures.partnerChanged("clinic");
        figures.refresh();
        assertThat(version()).isEqualTo(1);
        assertThat(database.getCollection("caseloads").countDocuments()).as("written before the move").isEqualTo(1);

        figures.refresh();
        assertThat(version()).as("a round with nothing marked").isEqualTo(1);

        figures.agreementsChanged();
        figures.refresh();
        assertThat(version()).isEqualTo(2);
    }

    @Test
    void anAgreementMovesItOnlyOnceItsBatchHasCommitted() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("agreement"));
        figures.agreementsChanged();
        figures.refresh();
        assertThat(version()).as("before the commit").isZero();

        batch.commit();
        figures.refresh();
        assertThat(version()).isEqualTo(1);
    }
}
