package org.referrals.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.file.Path;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash keeps of the embedded server is its last background save of the store, which may hold a write half
 * done: a document whose {@code _id} index entry was already removed. After {@code kill -9} every later upsert of
 * that {@code _id} failed with "already existed" and the projection writing it stopped for good (found by the kill
 * -9 harness on 2026-11-30). The start files such an index again.
 */
class TornIdIndexTest {

    @TempDir
    Path dir;

    /** A document whose _id index entry a save lost: the index is filed again at start, and the upsert works. */
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
}
