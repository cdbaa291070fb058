package org.referrals.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's store counts documents at their real size, so that H2's back pressure (writers store
 * themselves when unsaved pages run ahead of the background writer) holds for large documents among small ones.
 */
class MeasuredDocumentsTest {

    private static final int KB = 1024;

    @TempDir
    Path dir;

    @Test
    void largeDocumentsAmongSmallOnesCountAtTheirSize() {
        withServer(dir.resolve("mongo.mv.db"), (store, docs) -> {
            docs.insertMany(IntStream.range(0, 2000).mapToObj(i -> new Document("_id", "small" + i).append("n", i)).toList());
            store.commit();
            int before = store.getUnsavedMemory();
            for (int i = 0; i < 20; i++) {
                docs.insertOne(new Document("_id", "large" + i).append("ids", ids(i, 8_000)));
            }
            int counted = store.getUnsavedMemory() - before;
            long written = 20L * 8_000 * 10;
            assertThat(counted).as("unsaved memory counted for about %d bytes of ids", written).isGreaterThan((int) written);
        });
    }

    @Test
    void writersStoreThemselvesWhenTheWriterFallsBehindAndNothingIsLost() {
        Path file = dir.resolve("mongo.mv.db");
        withServer(file, (store, docs) -> {
            docs.insertMany(IntStream.range(0, 2000).mapToObj(i -> new Document("_id", "small" + i).append("n", i)).toList());
            long version = store.getCurrentVersion();
            int highest = 0;
            for (int i = 0; i < 60; i++) {
                // about 1 MB each: 60 MB in all, three times what H2 lets wait unsaved
                docs.insertOne(new Document("_id", "entry" + i).append("ids", ids(i, 15_000)));
                highest = Math.max(highest, store.getUnsavedMemory());
            }
            assertThat(store.getCurrentVersion() - version).as("stores made by the writing threads").isGreaterThan(1);
            assertThat(highest).as("unsaved memory stays near H2's limit").isLessThan(2 * store.getAutoCommitMemory());
        });
        withServer(file, (store, docs) -> {
            assertThat(docs.countDocuments()).isEqualTo(2060);
            assertThat(docs.find(Filters.eq("_id", "entry59")).first().getList("ids", String.class)).hasSize(15_000);
        });
    }

    private static List<String> ids(int seed, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(String.format("referral-%08d-%04d", seed, i));
        }
        return ids;
    }

    /** A server whose background writer is stopped, so only the writers' own stores (back pressure) happen. */
    private static void withServer(Path file, StoreTest test) {
        IdFirstH2Backend backend = new IdFirstH2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        MVStore store = backend.getMvStore();
        store.setAutoCommitDelay(0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            test.run(store, client.getDatabase("t").getCollection("docs"));
        } finally {
            server.shutdown();
        }
    }

    private interface StoreTest {
        void run(MVStore store, MongoCollection<Document> docs);
    }
}
