package org.referrals.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
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

    /** The disk fails a read: the command fails, and the server is marked damaged, so health says DOWN. */
    @Test
    void aStoreThatCannotBeReadIsReportedDownWithTheRebuild() throws Exception {
        org.h2.store.fs.FilePath.register(new FailingReads());
        Path file = Path.of(FailingReads.SCHEME + ":" + dir.resolve("damaged.mv.db"));
        withServer(file, docs -> {
            for (int i = 0; i < 50; i++) {
                List<Document> batch = new ArrayList<>();
                for (int j = 0; j < 200; j++) {
                    batch.add(new Document("_id", "d" + i + "-" + j).append("text", "x".repeat(200)));
                }
                docs.insertMany(batch);
            }
        });
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 0); // reopened: no document in the cache
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoHealthIndicator health = new MongoHealthIndicator(client, beanProvider(server));
            assertThat(server.damage()).isEmpty();
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            FailingReads.failing = true;
            assertThatThrownBy(() -> client.getDatabase("t").getCollection("docs").countDocuments(Filters.exists("text")))
                    .isInstanceOf(MongoException.class);
            FailingReads.failing = false;

            assertThat(server.damage()).get().asString().contains("Reading from file").contains("failed");
            var report = health.health();
            assertThat(report.getStatus()).isEqualTo(Status.DOWN);
            assertThat(report.getDetails().get("store").toString()).startsWith("damaged: ");
            assertThat(report.getDetails()).containsEntry("action", MongoHealthIndicator.REBUILD);
        } finally {
            FailingReads.failing = false;
        }
    }

    /** H2 files under {@code failing:}: reads fail with an I/O error while {@link #failing} is set. */
    public static final class FailingReads extends org.h2.store.fs.FilePathWrapper {

        static final String SCHEME = "failing";
        static volatile boolean failing;

        public FailingReads() { // H2 makes one per path by reflection
        }

        @Override
        public String getScheme() {
            return SCHEME;
        }

        @Override
        public FileChannel open(String mode) throws IOException {
            return new Channel(getBase().open(mode));
        }

        private static final class Channel extends org.h2.store.fs.FileBase {

            private final FileChannel base;

            Channel(FileChannel base) {
                this.base = base;
            }

            private static void check() throws IOException {
                if (failing) {
                    throw new IOException("the disk failed a read (test)");
                }
            }

            @Override
            public int read(ByteBuffer dst) throws IOException {
                check();
                return base.read(dst);
            }

            @Override
            public int read(ByteBuffer dst, long position) throws IOException {
                check();
                return base.read(dst, position);
            }

            @Override
            public int write(ByteBuffer src) throws IOException {
                return base.write(src);
            }

            @Override
            public int write(ByteBuffer src, long position) throws IOException {
                return base.write(src, position);
            }

            @Override
            public long position() throws IOException {
                return base.position();
            }

            @Override
            public FileChannel position(long newPosition) throws IOException {
                base.position(newPosition);
                return this;
            }

            @Override
            public long size() throws IOException {
                return base.size();
            }

            @Override
            public FileChannel truncate(long size) throws IOException {
                base.truncate(size);
                return this;
            }

            @Override
            public void force(boolean metaData) throws IOException {
                base.force(metaData);
            }

            @Override
            public FileLock tryLock(long position, long size, boolean shared) throws IOException {
                return base.tryLock(position, size, shared);
            }

            @Override
            protected void implCloseChannel() throws IOException {
                base.close();
            }
        }
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
