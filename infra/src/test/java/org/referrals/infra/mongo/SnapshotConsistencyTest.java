package org.referrals.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash keeps of the embedded server is its last saved version of the store. A version saved while a write
 * was half done (a document's {@code _id} index entry removed and the document not yet, say) came back after
 * {@code kill -9} as a document its index did not know: every later upsert of that {@code _id} failed with "already
 * existed" and the projection writing it stopped for good (found by the kill -9 harness on 2026-11-30). Every saved
 * version must hold each write whole: here writers upsert and delete while versions are saved, and each saved
 * version's documents and {@code _id} index are compared.
 */
class SnapshotConsistencyTest {

    @TempDir
    Path dir;

    /** A store torn that way before the fix: its _id index is filed again at start, and the upsert works. */
    @Test
    void aStoreSavedMidWriteIsMendedAtStart() {
        Path file = dir.resolve("torn.mv.db");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> entries = client.getDatabase("t").getCollection("entries");
            for (int i = 0; i < 10; i++) {
                entries.insertOne(new Document("_id", "e" + i).append("n", i));
            }
        }
        MVStore torn = new MVStore.Builder().fileName(file.toString()).open();
        MVMap<Object, Object> index = torn.openMap("t.entries._index__id_" + ValueOrderedKeys.MAP_SUFFIX,
                                                   new MVMap.Builder<Object, Object>().keyType(ValueOrderedKeys.instance()));
        index.remove(new KeyValue("e3")); // as a save between the index entry's removal and the document's left it
        torn.close();

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> entries = client.getDatabase("t").getCollection("entries");
            entries.replaceOne(Filters.eq("_id", "e3"), new Document("_id", "e3").append("n", 33), new ReplaceOptions().upsert(true));
            assertThat(entries.find(Filters.eq("_id", "e3")).first().getInteger("n")).isEqualTo(33);
            assertThat(entries.countDocuments()).isEqualTo(10);
        }
    }

    @Test
    void everySavedVersionHoldsEachDocumentAndItsIndexEntryTogether() throws Exception {
        IdFirstH2Backend backend = new IdFirstH2Backend(dir.resolve("mongo.mv.db").toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> writers = new ArrayList<>();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> entries = client.getDatabase("t").getCollection("entries");
            entries.insertOne(new Document("_id", "first"));
            for (int w = 0; w < 4; w++) {
                Thread writer = new Thread(() -> {
                    while (writing.get()) {
                        String id = "e" + ThreadLocalRandom.current().nextInt(40);
                        entries.replaceOne(Filters.eq("_id", id), new Document("_id", id), new ReplaceOptions().upsert(true));
                        entries.deleteOne(Filters.eq("_id", "e" + ThreadLocalRandom.current().nextInt(40)));
                    }
                });
                writer.start();
                writers.add(writer);
            }
            MVStore store = backend.getMvStore();
            MVMap<Object, Object> data = store.openMap("databases.t.entries");
            MVMap<Object, Object> index = store.openMap("t.entries._index__id_" + ValueOrderedKeys.MAP_SUFFIX,
                                                        new MVMap.Builder<Object, Object>().keyType(ValueOrderedKeys.instance()));
            int saved = 0;
            List<String> torn = new ArrayList<>();
            long until = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < until) {
                backend.persist();
                long version = store.getCurrentVersion() - 1;
                Set<String> documents = new TreeSet<>();
                data.openVersion(version).keySet().forEach(id -> documents.add(id.toString()));
                Set<String> indexed = new TreeSet<>();
                index.openVersion(version).keySet().forEach(key -> indexed.add(((KeyValue) key).get(0).toString()));
                if (!documents.equals(indexed)) {
                    torn.add("version " + version + ": documents " + documents + ", index " + indexed);
                }
                saved++;
            }
            writing.set(false);
            for (Thread writer : writers) {
                writer.join();
            }
            assertThat(saved).isGreaterThan(10);
            assertThat(torn).as("of %d saved versions", saved).isEmpty();
        } finally {
            writing.set(false);
            server.shutdown();
        }
    }
}
