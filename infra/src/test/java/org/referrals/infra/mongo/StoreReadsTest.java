package org.referrals.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.health.Status;

/**
 * Reads of the embedded store while H2 moves pages, and what a store that cannot be read does to the health endpoint.
 */
class StoreReadsTest {

    private static final int DOCUMENTS = 20_000;

    @TempDir
    Path dir;

    /**
     * A full scan reads pages of the version it began on. Writes and compaction meanwhile move the pages to new
     * chunks, and H2 frees a chunk once no registered reader needs it: an unregistered scan then fails with "Chunk
     * N not found" (as the start scan of the 1,000,000-event read model did). Here H2 keeps no version beyond what
     * readers register, so the race shows within seconds if a command does not register its version.
     */
    @Test
    void aScanReadsEveryDocumentWhileWritesAndCompactionMoveItsPages() throws Exception {
        Path file = dir.resolve("scans.mv.db");
        withServer(file, docs -> {
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                batch.add(new Document("_id", "d" + i).append("n", i).append("text", "x".repeat(300)));
                if (batch.size() == 1000) {
                    docs.insertMany(batch);
                    batch.clear();
                }
            }
            docs.updateMany(Filters.mod("n", 2, 0), Updates.set("text", "y".repeat(300))); // chunks half dead
        });
        IdFirstH2Backend backend = new IdFirstH2Backend(file.toString()); // pages now come from the file
        MVStore store = backend.store();
        store.setVersionsToKeep(0);
        store.setRetentionTime(0);
        store.setCacheSize(1024); // 1 MB, the least: a page of a freed chunk still in the cache would be read from there
        de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(backend);
        ExecutorService mover = Executors.newSingleThreadExecutor();
        AtomicBoolean scanning = new AtomicBoolean(true);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
            // writes straight into the documents' map (a write through the server would wait for the scan to end)
            org.h2.mvstore.MVMap<Object, Object> stored = store.openMap("databases.t.docs");
            Future<Integer> moves = mover.submit(() -> {
                int rounds = 0;
                while (scanning.get()) {
                    Object key = stored.getKey(rounds * 7919L % DOCUMENTS);
                    stored.put(key, stored.get(key)); // the same document, on a new page
                    store.commit();
                    store.compact(95, 1024 * 1024);
                    rounds++;
                }
                return rounds;
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            int scans = 0;
            while (System.nanoTime() < deadline) {
                assertThat(docs.countDocuments(Filters.gte("n", 0))).as("documents seen by scan %d", scans).isEqualTo(DOCUMENTS);
                scans++;
            }
            scanning.set(false);
            assertThat(moves.get(30, TimeUnit.SECONDS)).as("rounds of writes and compaction beside the scans").isPositive();
            assertThat(scans).isPositive();
            assertThat(backend.damage()).isEmpty();
        } finally {
            scanning.set(false);
            mover.shutdownNow();
            server.shutdownNow();
        }
    }

    /** A page the file no longer holds: the read fails, and the server is marked damaged, so health says DOWN. */
    @Test
    void aStoreThatCannotBeReadIsReportedDownWithTheRebuild() throws Exception {
        Path file = dir.resolve("damaged.mv.db");
        IdFirstH2Backend writing = new IdFirstH2Backend(file.toString());
        writing.store().setAutoCommitDelay(0); // no background saves: the documents go into one chunk, saved below
        de.bwaldvogel.mongo.MongoServer writer = new de.bwaldvogel.mongo.MongoServer(writing);
        try (MongoClient client = MongoClients.create(writer.bindAndGetConnectionString())) {
            for (int i = 0; i < 50; i++) {
                List<Document> batch = new ArrayList<>();
                for (int j = 0; j < 200; j++) {
                    batch.add(new Document("_id", "d" + i + "-" + j).append("text", "x".repeat(200)));
                }
                client.getDatabase("t").getCollection("docs").insertMany(batch);
            }
            writing.persist(); // the documents' chunk, then a newer one: the documents are not read at open
            client.getDatabase("t").getCollection("side").insertOne(new Document("_id", "later"));
            writing.persist();
        } finally {
            writer.shutdownNow();
        }
        zeroTheInsideOfTheDocumentsChunk(file);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoHealthIndicator health = new MongoHealthIndicator(client, beanProvider(server));
            assertThat(server.damage()).isEmpty();
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            assertThatThrownBy(() -> client.getDatabase("t").getCollection("docs").countDocuments(Filters.exists("text")))
                    .isInstanceOf(MongoException.class);

            assertThat(server.damage()).isPresent();
            var report = health.health();
            assertThat(report.getStatus()).isEqualTo(Status.DOWN);
            assertThat(report.getDetails().get("store").toString()).startsWith("damaged: ");
            assertThat(report.getDetails()).containsEntry("action", MongoHealthIndicator.REBUILD);
        }
    }

    /**
     * Zeroes the pages of the largest chunk but the newest (the documents, not read at open), leaving its header and
     * footer: H2 opens the file and fails when a read reaches those pages.
     */
    private static void zeroTheInsideOfTheDocumentsChunk(Path file) throws java.io.IOException {
        long block = -1;
        long blocks = 0;
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            int newest = store.getLayoutMap().keySet().stream().filter(key -> key.startsWith("chunk."))
                    .mapToInt(StoreReadsTest::chunkId).max().orElseThrow();
            for (var entry : store.getLayoutMap().entrySet()) {
                if (entry.getKey().startsWith("chunk.") && chunkId(entry.getKey()) != newest) {
                    var chunk = org.h2.mvstore.DataUtils.parseMap(entry.getValue());
                    long length = org.h2.mvstore.DataUtils.readHexLong(chunk, "len", 0);
                    if (length > blocks) {
                        block = org.h2.mvstore.DataUtils.readHexLong(chunk, "block", -1);
                        blocks = length;
                    }
                }
            }
        } finally {
            store.close();
        }
        assertThat(blocks).as("blocks of the documents' chunk").isGreaterThan(2);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek((block + 1) * 4096);
            raw.write(new byte[(int) (blocks - 2) * 4096]);
        }
    }

    private static int chunkId(String layoutKey) {
        return Integer.parseInt(layoutKey.substring("chunk.".length()), 16);
    }

    private static org.springframework.beans.factory.ObjectProvider<EmbeddedMongoServer> beanProvider(EmbeddedMongoServer server) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("embeddedMongoServer", server);
        return beans.getBeanProvider(EmbeddedMongoServer.class);
    }

    private static void withServer(Path file, java.util.function.Consumer<MongoCollection<Document>> work) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            work.accept(client.getDatabase("t").getCollection("docs"));
        }
    }
}
