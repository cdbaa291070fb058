package org.referrals.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Unique indexes ordered by value find every document by {@code _id}, of any type, and still refuse duplicates; a
 * file written by mongo-java-server's own backend reopens with its index rebuilt in the new order.
 */
class ValueOrderedKeysProperties {

    private static EmbeddedMongoServer server;
    private static MongoClient client;

    @BeforeContainer
    static void start() throws Exception {
        server = EmbeddedMongoServer.start(Files.createTempDirectory("value-ordered-").resolve("mongo.mv.db"), 0);
        client = MongoClients.create(server.connectionString());
    }

    @AfterContainer
    static void stop() {
        client.close();
        server.close();
    }

    @Provide
    Arbitrary<List<Object>> ids() {
        Arbitrary<Object> id = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.randomValue(random -> (Object) new ObjectId()),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5)
                           .map(part -> (Object) new Document("partner", part).append("n", part.length())));
        return id.list().ofMinSize(1).ofMaxSize(60).uniqueElements();
    }

    @Property(tries = 60)
    void everyDocumentIsFoundByItsIdAndADuplicateIsRefused(@ForAll("ids") List<Object> ids) {
        MongoCollection<Document> docs = client.getDatabase("t").getCollection("c" + UUID.randomUUID().toString().replace("-", ""));
        Set<Object> distinct = new LinkedHashSet<>(ids);
        List<Document> all = new ArrayList<>();
        distinct.forEach(id -> all.add(new Document("_id", id).append("v", 1)));
        docs.insertMany(all);

        for (Object id : distinct) {
            assertThat(docs.find(Filters.eq("_id", id)).first()).as("found by %s", id).isNotNull();
        }
        Object again = distinct.iterator().next();
        assertThatThrownBy(() -> docs.insertOne(new Document("_id", again))).isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
        assertThat(docs.countDocuments()).isEqualTo(distinct.size());
    }

    @Test
    void aFileWrittenWithTheServersOwnIndexOrderReopensWithItsIndexRebuilt() throws Exception {
        Path file = Files.createTempDirectory("value-ordered-migration-").resolve("mongo.mv.db");
        MongoServer stock = new MongoServer(new H2Backend(file.toString()));
        String address = "mongodb://127.0.0.1:" + stock.bind().getPort();
        try (MongoClient old = MongoClients.create(address)) {
            List<Document> all = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                all.add(new Document("_id", i % 2 == 0 ? "r-" + i : (Object) (long) i).append("v", i));
            }
            old.getDatabase("t").getCollection("docs").insertMany(all);
        }
        stock.shutdownNow();

        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(file, 0);
             MongoClient now = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> docs = now.getDatabase("t").getCollection("docs");
            for (int i = 0; i < 500; i++) {
                Object id = i % 2 == 0 ? "r-" + i : (Object) (long) i;
                assertThat(docs.find(Filters.eq("_id", id)).first()).as("found by %s", id).isNotNull();
            }
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", "r-2"))).isInstanceOf(MongoWriteException.class);
        }
    }

    /** Key values as the server holds them (its own document and ObjectId types). */
    @Provide
    Arbitrary<List<Object>> keyValues() {
        Arbitrary<Object> value = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.randomValue(random -> (Object) new de.bwaldvogel.mongo.bson.ObjectId()),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5)
                           .map(part -> (Object) new de.bwaldvogel.mongo.bson.Document("partner", part).append("n", part.length())));
        return value.list().ofMinSize(1).ofMaxSize(20);
    }

    @Property(tries = 200)
    void aKeyIsReadBackAsItWasWrittenAndTextKeysAreNotJavaSerialised(@ForAll("keyValues") List<Object> ids) {
        for (Object id : ids) {
            KeyValue key = new KeyValue(id);
            WriteBuffer written = new WriteBuffer();
            ValueOrderedKeys.instance().write(written, key);
            ByteBuffer bytes = written.getBuffer().flip();

            Object read = ValueOrderedKeys.instance().read(bytes);

            assertThat(read).isEqualTo(key);
            assertThat(ValueOrderedKeys.instance().compare(read, key)).isZero();
            assertThat(bytes.remaining()).as("every byte written is read").isZero();
            assertThat(bytes.get(0) == ValueOrderedKeys.ONE_TEXT).as("own tag for %s", id).isEqualTo(id instanceof String);
        }
    }

    @Test
    void aKeyAnOlderVersionWroteJavaSerialisedIsStillRead() {
        WriteBuffer written = new WriteBuffer();
        new org.h2.mvstore.type.ObjectDataType().write(written, new KeyValue("referral-1"));
        ByteBuffer bytes = written.getBuffer().flip();

        assertThat(ValueOrderedKeys.instance().read(bytes)).isEqualTo(new KeyValue("referral-1"));
    }

    @Test
    void textKeysWrittenInTheirOwnFormReopenFromTheFile() throws Exception {
        Path file = Files.createTempDirectory("value-ordered-text-").resolve("mongo.mv.db");
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            ids.add(i % 3 == 0 ? (Object) (long) i : "to:partner-" + i + (i % 7 == 0 ? "|é✓𝄞" : ""));
        }
        try (EmbeddedMongoServer first = EmbeddedMongoServer.start(file, 0);
             MongoClient writer = MongoClients.create(first.connectionString())) {
            List<Document> all = new ArrayList<>();
            ids.forEach(id -> all.add(new Document("_id", id).append("v", 1)));
            writer.getDatabase("t").getCollection("docs").insertMany(all);
        }
        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(file, 0);
             MongoClient reader = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> docs = reader.getDatabase("t").getCollection("docs");
            for (Object id : ids) {
                assertThat(docs.find(Filters.eq("_id", id)).first()).as("found by %s", id).isNotNull();
            }
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", "to:partner-1"))).isInstanceOf(MongoWriteException.class);
        }
    }
}
