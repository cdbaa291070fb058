package org.referrals.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bson.types.Binary;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * Documents stored as BSON come back equal; those BSON would change go the old way and come back equal too; and a
 * document an older version Java-serialised is still read, also from a file.
 */
class BsonDocumentsProperties {

    private final MeasuredDocuments type = new MeasuredDocuments();

    @Provide
    Arbitrary<Document> storableDocuments() {
        return documents(2, Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just((Object) null),
                Arbitraries.randomValue(random -> (Object) new ObjectId()),
                Arbitraries.longs().between(-10_000_000_000_000L, 10_000_000_000_000L).map(ms -> (Object) Instant.ofEpochMilli(ms))));
    }

    private static Arbitrary<Document> documents(int depth, Arbitrary<Object> leaves) {
        Arbitrary<Object> value = depth == 0 ? leaves : Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, leaves),
                net.jqwik.api.Tuple.of(1, documents(depth - 1, leaves).map(Object.class::cast)),
                net.jqwik.api.Tuple.of(1, leaves.list().ofMaxSize(8).map(list -> (Object) new ArrayList<>(list))));
        return Arbitraries.maps(Arbitraries.strings().alpha().numeric().withChars('_', '.', '$', 'é').ofMinLength(1).ofMaxLength(12), value)
                          .ofMaxSize(8)
                          .map(fields -> {
                              Document document = new Document();
                              fields.forEach(document::append);
                              return document;
                          });
    }

    @Property(tries = 300)
    void aStorableDocumentIsWrittenAsBsonAndReadBackEqual(@ForAll("storableDocuments") Document document) {
        ByteBuffer written = written(document);

        assertThat(written.get(0)).as("stored as BSON").isEqualTo(BsonDocuments.TAG);
        assertThat(type.read(written)).isEqualTo(document);
        assertThat(written.remaining()).as("every byte written is read").isZero();
    }

    @Test
    void aDocumentBsonWouldChangeIsJavaSerialisedAsBeforeAndReadBackEqual() {
        List<Document> others = List.of(
                new Document("_id", "t").append("token", new byte[] {1, 2, 3}),
                new Document("amount", new Decimal128(12, 3)),
                new Document("at", Instant.ofEpochSecond(1_700_000_000L, 123_456_789)),
                new Document("nested", new Document("id", UUID.randomUUID())),
                new Document("list", List.of(new Document("f", 1.5f))));
        for (Document document : others) {
            ByteBuffer written = written(document);

            assertThat(written.get(0)).as("not BSON: %s", document).isNotEqualTo(BsonDocuments.TAG);
            assertThat(type.read(written)).usingRecursiveComparison().isEqualTo(document); // byte[] has no equals
        }
    }

    /**
     * A document changed while H2's writer stores it must not make the write throw (that closes the store); the
     * collection no longer changes stored documents ({@code IdFirstH2BackendTest}), this is the second line.
     */
    @Test
    void aDocumentChangedWhileItIsWrittenDoesNotFailTheWrite() throws Exception {
        Document document = new Document("_id", "to:partner");
        for (int i = 0; i < 200; i++) {
            document.append("f" + i, "v" + i);
        }
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread updater = new Thread(() -> {
            for (long i = 0; !done.get(); i++) {
                document.put("changing", i);
                document.remove("changing");
            }
        });
        updater.start();
        try {
            for (int i = 0; i < 20_000; i++) {
                assertThat(written(document).remaining()).isPositive();
            }
        } finally {
            done.set(true);
            updater.join();
        }
    }

    @Test
    void aDocumentAnOlderVersionJavaSerialisedIsStillRead() {
        Document document = new Document("_id", "referral-1").append("status", "ACCEPTED").append("version", 3L);
        WriteBuffer old = new WriteBuffer();
        new ObjectDataType().write(old, document);

        assertThat(type.read(old.getBuffer().flip())).isEqualTo(document);
    }

    @Test
    void documentsWrittenAsBsonReopenFromTheFileBesideOlderOnes() throws Exception {
        Path file = Files.createTempDirectory("bson-documents-").resolve("mongo.mv.db");
        try (EmbeddedMongoServer first = EmbeddedMongoServer.start(file, 0);
             MongoClient writer = MongoClients.create(first.connectionString())) {
            MongoCollection<org.bson.Document> docs = writer.getDatabase("t").getCollection("docs");
            for (int i = 0; i < 2000; i++) {
                var document = new org.bson.Document("_id", "r-" + i).append("n", i).append("at", new java.util.Date(i * 1000L))
                        .append("ids", List.of("a" + i, "b" + i));
                docs.insertOne(i % 2 == 0 ? document.append("token", new Binary(new byte[] {(byte) i})) : document);
            }
            docs.updateOne(Filters.eq("_id", "r-7"), Updates.combine(Updates.inc("n", 1L), Updates.addToSet("ids", "c")));
        }
        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(file, 0);
             MongoClient reader = MongoClients.create(reopened.connectionString())) {
            MongoCollection<org.bson.Document> docs = reader.getDatabase("t").getCollection("docs");
            assertThat(docs.countDocuments()).isEqualTo(2000);
            org.bson.Document seventh = docs.find(Filters.eq("_id", "r-7")).first();
            assertThat(seventh.get("n")).isEqualTo(8L);
            assertThat(seventh.getList("ids", String.class)).containsExactly("a7", "b7", "c");
            assertThat(seventh.getDate("at")).isEqualTo(new java.util.Date(7000L));
            assertThat(((Binary) docs.find(Filters.eq("_id", "r-8")).first().get("token")).getData()).containsExactly(8);
            assertThat(docs.find(Filters.eq("_id", "r-1999")).first().getInteger("n")).isEqualTo(1999);
        }
    }

    private ByteBuffer written(Document document) {
        WriteBuffer buff = new WriteBuffer();
        type.write(buff, document);
        return buff.getBuffer().flip();
    }
}
