package org.referrals.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.infra.mongo.IdFirstH2Backend.IdFirstCollection;

/**
 * Filters that name an {@code _id} and more find the same documents as before, but look at those documents only
 * instead of the whole collection; the data survives a restart of the server.
 */
class IdFirstH2BackendTest {

    private static final int DOCUMENTS = 3000;

    @TempDir
    Path dir;

    /** H2's background writer may be storing a document's page at any time: an update must not change it in place. */
    @Test
    void anUpdateStoresAChangedCopyAndNeverChangesTheStoredDocument() {
        IdFirstH2Backend backend = new IdFirstH2Backend(dir.resolve("in-place.mv.db").toString());
        de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
            docs.insertOne(new Document("_id", "a").append("v", 1).append("ids", List.of("x")));
            docs.insertOne(new Document("_id", "b").append("v", 1).append("kind", "scan"));
            org.h2.mvstore.MVMap<Object, de.bwaldvogel.mongo.bson.Document> stored = backend.store().openMap("databases.t.docs");
            de.bwaldvogel.mongo.bson.Document a = stored.get("a");
            de.bwaldvogel.mongo.bson.Document b = stored.get("b");

            docs.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.lt("v", 2)), Updates.combine(Updates.set("v", 2), Updates.addToSet("ids", "y")));
            docs.updateOne(Filters.eq("kind", "scan"), Updates.unset("v")); // found by a scan, not by _id
            docs.findOneAndUpdate(Filters.eq("_id", "a"), Updates.inc("v", 1));

            assertThat(a).as("the object H2 held before").containsEntry("v", 1).containsEntry("ids", List.of("x"));
            assertThat(b).containsEntry("v", 1);
            assertThat(stored.get("a")).containsEntry("v", 3).containsEntry("ids", List.of("x", "y"));
            assertThat(stored.get("b")).doesNotContainKey("v");
            assertThat(docs.find(Filters.eq("_id", "a")).first().getInteger("v")).isEqualTo(3);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void filtersByIdAndMoreExamineOnlyTheNamedDocuments() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir.resolve("mongo.mv.db"), 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = fill(client);

            assertThat(examinedIn("docs", () -> docs.find(Filters.and(Filters.eq("_id", "d42"), Filters.lt("version", 10))).into(new ArrayList<>())))
                    .as("$and with _id").isLessThanOrEqualTo(1);
            assertThat(docs.find(Filters.and(Filters.eq("_id", "d42"), Filters.lt("version", 10))).first()).isNotNull();
            assertThat(docs.find(Filters.and(Filters.eq("_id", "d42"), Filters.lt("version", 2))).first()).as("version filter still applies").isNull();
            assertThat(examinedIn("docs", () -> docs.find(new Document("_id", "d7").append("kind", "even")).into(new ArrayList<>())))
                    .as("_id beside another field").isLessThanOrEqualTo(1);
            assertThat(docs.find(new Document("_id", "d7").append("kind", "even")).first()).as("d7 is odd").isNull();
            assertThat(examinedIn("docs", () -> docs.find(Filters.and(Filters.in("_id", "d1", "d2", "d3"), Filters.eq("kind", "odd"))).into(new ArrayList<>())))
                    .isLessThanOrEqualTo(3);
            assertThat(docs.find(Filters.and(Filters.in("_id", "d1", "d2", "d3"), Filters.eq("kind", "odd"))).map(d -> d.getString("_id"))
                           .into(new ArrayList<>())).containsExactlyInAnyOrder("d1", "d3");

            Bson guardedUpdate = Filters.and(Filters.eq("_id", "d99"), Filters.lt("version", 100L), Filters.empty());
            assertThat(examinedIn("docs", () -> docs.updateOne(guardedUpdate, Updates.set("version", 100L)))).isLessThanOrEqualTo(1);
            assertThat(docs.updateOne(guardedUpdate, Updates.set("version", 101L)).getModifiedCount()).as("applied once").isZero();
            assertThat(docs.find(Filters.eq("_id", "d99")).first().get("version")).isEqualTo(100L);

            assertThat(examinedIn("docs", () -> docs.find(Filters.eq("kind", "odd")).into(new ArrayList<>())))
                    .as("other filters scan, as before").isEqualTo(DOCUMENTS);
            assertThat(docs.countDocuments(Filters.eq("kind", "odd"))).isEqualTo(DOCUMENTS / 2);
        }
        try (EmbeddedMongoServer again = EmbeddedMongoServer.start(dir.resolve("mongo.mv.db"), 0);
             MongoClient client = MongoClients.create(again.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
            assertThat(docs.countDocuments()).isEqualTo(DOCUMENTS);
            assertThat(examinedIn("docs", () -> docs.find(Filters.and(Filters.eq("_id", "d99"), Filters.gte("version", 100L))).first()))
                    .as("after a restart too").isLessThanOrEqualTo(1);
        }
    }

    @Test
    void anIgnoredSecondaryIndexIsNotBuiltByReadingTheCollectionNorAtTheNextStart() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir.resolve("mongo.mv.db"), 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = fill(client);
            assertThat(fullReads(() -> docs.createIndex(new Document("kind", 1)))).isZero();
            assertThat(docs.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>())).contains("kind_1");
        }
        long before = IdFirstCollection.FULL_READS.sum();
        try (EmbeddedMongoServer again = EmbeddedMongoServer.start(dir.resolve("mongo.mv.db"), 0);
             MongoClient client = MongoClients.create(again.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
            assertThat(docs.countDocuments(Filters.eq("kind", "even"))).isEqualTo(DOCUMENTS / 2);
            assertThat(fullReads(() -> docs.createIndex(new Document("kind", 1)))).as("created again, as the projections do").isZero();
            assertThat(docs.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>())).containsOnlyOnce("kind_1");
        }
        assertThat(IdFirstCollection.FULL_READS.sum() - before).as("opening read no collection whole").isZero();
    }

    @Test
    void theFirstOrLastIdsInOrderAreReadFromTheIndexNotBySortingTheCollection() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir.resolve("mongo.mv.db"), 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> chain = client.getDatabase("t").getCollection("chain");
            List<Document> all = new ArrayList<>();
            for (long position = 1; position <= DOCUMENTS; position++) {
                // positions out of insertion order, and numbers above 9 that sort wrongly as text
                all.add(new Document("_id", (position * 7919) % (DOCUMENTS + 1)).append("n", position));
            }
            chain.deleteMany(Filters.empty());
            chain.insertMany(all.stream().filter(d -> ((Number) d.get("_id")).longValue() != 0).toList());

            assertThat(examinedIn("chain", () -> chain.find().sort(new Document("_id", -1)).first())).isLessThanOrEqualTo(1);
            assertThat(chain.find().sort(new Document("_id", -1)).first().get("_id")).isEqualTo((long) DOCUMENTS);
            assertThat(chain.find().sort(new Document("_id", 1)).limit(3).map(d -> d.get("_id")).into(new ArrayList<>()))
                    .containsExactly(1L, 2L, 3L);
            assertThat(chain.find().sort(new Document("_id", -1)).skip(2).limit(2).map(d -> d.get("_id")).into(new ArrayList<>()))
                    .containsExactly((long) DOCUMENTS - 2, (long) DOCUMENTS - 3);
            Document between10And20 = new Document("_id", new Document("$gt", 10L).append("$lte", 20L));
            assertThat(examinedIn("chain", () -> chain.find(between10And20).sort(new Document("_id", 1)).limit(5).into(new ArrayList<>())))
                    .as("a range of _ids pages through the index").isLessThanOrEqualTo(5);
            assertThat(chain.find(between10And20).sort(new Document("_id", 1)).limit(5).map(d -> d.get("_id")).into(new ArrayList<>()))
                    .containsExactly(11L, 12L, 13L, 14L, 15L);
            assertThat(chain.find(between10And20).sort(new Document("_id", -1)).limit(3).map(d -> d.get("_id")).into(new ArrayList<>()))
                    .containsExactly(20L, 19L, 18L);
            assertThat(chain.find(new Document("_id", new Document("$gte", 10L).append("$lt", 13L))).sort(new Document("_id", 1))
                            .limit(100).map(d -> d.get("_id")).into(new ArrayList<>())).containsExactly(10L, 11L, 12L);
            assertThat(chain.find(new Document("_id", new Document("$gt", 10L).append("$lt", 11L))).sort(new Document("_id", 1))
                            .limit(100).into(new ArrayList<>())).isEmpty();
            assertThat(examinedIn("chain", () -> chain.find(Filters.gt("n", 5L)).sort(new Document("_id", -1)).first()))
                    .as("a filter still reads the collection").isEqualTo(DOCUMENTS);
            chain.deleteOne(Filters.eq("_id", (long) DOCUMENTS));
            assertThat(chain.find().sort(new Document("_id", -1)).first().get("_id")).as("after a delete").isEqualTo((long) DOCUMENTS - 1);
        }
        try (EmbeddedMongoServer again = EmbeddedMongoServer.start(dir.resolve("mongo.mv.db"), 0);
             MongoClient client = MongoClients.create(again.connectionString())) {
            MongoCollection<Document> chain = client.getDatabase("t").getCollection("chain");
            assertThat(examinedIn("chain", () -> chain.find().sort(new Document("_id", -1)).first())).as("after a restart").isLessThanOrEqualTo(1);
            assertThat(chain.find().sort(new Document("_id", -1)).first().get("_id")).isEqualTo((long) DOCUMENTS - 1);
        }
    }

    @Test
    void aRangeOfTextIdsIsPagedThroughTheIndex() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir.resolve("mongo.mv.db"), 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> entries = client.getDatabase("t").getCollection("entries");
            List<Document> all = new ArrayList<>();
            for (int i = DOCUMENTS - 1; i >= 0; i--) {
                all.add(new Document("_id", (i % 2 == 0 ? "a|" : "b|") + String.format("%05d", i)));
            }
            entries.insertMany(all);
            entries.insertOne(new Document("_id", 7L)); // another type: outside any range of text
            Document ofB = new Document("_id", new Document("$gte", "b|").append("$lt", "b}"));

            assertThat(examinedIn("entries", () -> entries.find(ofB).sort(new Document("_id", 1)).limit(3).into(new ArrayList<>())))
                    .isLessThanOrEqualTo(3);
            assertThat(entries.find(ofB).sort(new Document("_id", 1)).limit(3).map(d -> d.get("_id")).into(new ArrayList<>()))
                    .containsExactly("b|00001", "b|00003", "b|00005");
            assertThat(entries.find(new Document("_id", new Document("$gt", "b|00003").append("$lt", "b}")))
                              .sort(new Document("_id", 1)).limit(2).map(d -> d.get("_id")).into(new ArrayList<>()))
                    .as("after a last id seen").containsExactly("b|00005", "b|00007");
            assertThat(entries.find(ofB).sort(new Document("_id", 1)).limit(DOCUMENTS).into(new ArrayList<>())).hasSize(DOCUMENTS / 2);
            assertThat(entries.find(new Document("_id", new Document("$gte", "c|").append("$lt", "c}"))).sort(new Document("_id", 1))
                              .limit(5).into(new ArrayList<>())).isEmpty();
        }
    }

    private static long fullReads(Runnable action) {
        long before = IdFirstCollection.FULL_READS.sum();
        action.run();
        return IdFirstCollection.FULL_READS.sum() - before;
    }

    private static MongoCollection<Document> fill(MongoClient client) {
        MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
        List<Document> all = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            all.add(new Document("_id", "d" + i).append("kind", i % 2 == 0 ? "even" : "odd").append("version", 5L));
        }
        docs.insertMany(all);
        return docs;
    }

    /** Counted in that collection only: other tests' servers may run in the same JVM meanwhile. */
    private static long examinedIn(String collection, Runnable query) {
        var counter = IdFirstCollection.EXAMINED_IN.computeIfAbsent(collection, name -> new java.util.concurrent.atomic.LongAdder());
        long before = counter.sum();
        query.run();
        return counter.sum() - before;
    }
}
