package org.referrals.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.referrals.api.common.SealedText;

/**
 * Idempotent writes for projections with one document per aggregate: each document remembers the sequence number
 * of the last event applied ({@code version}), and an event at or below it changes nothing, so a redelivered
 * event (at-least-once delivery, replays) is harmless. No multi-document transaction is needed. Writes go through
 * {@link MongoBatch}, one bulk write per batch of events, which compares the versions.
 */
public final class Projections {

    public static final String VERSION = "version";
    public static final String UPDATED_AT = "updatedAt";

    private Projections() {
    }

    /** The first event of the aggregate: inserts the document, or changes nothing when it is already there. */
    public static void create(MongoCollection<Document> collection, Document document, long sequence, Instant at) {
        Object id = document.get("_id");
        Document fields = new Document(document);
        fields.remove("_id");
        fields.append(VERSION, sequence).append(UPDATED_AT, Date.from(at));
        MongoBatch.creating(collection, id, sequence, new UpdateOneModel<>(Filters.eq("_id", id), new Document("$setOnInsert", fields),
                                                                           new UpdateOptions().upsert(true)));
    }

    /** A later event: applied only if the document has not seen it yet. */
    public static void update(MongoCollection<Document> collection, String id, long sequence, Instant at, Bson... changes) {
        update(collection, id, null, sequence, at, changes);
    }

    /**
     * The same, for the document only if it also matches {@code where} (e.g. to update one element of an array; null
     * for none). Such a filter is not served by the embedded server's {@code _id} index: for rare events only.
     */
    public static void update(MongoCollection<Document> collection, String id, Bson where, long sequence, Instant at,
                              Bson... changes) {
        List<Bson> all = new ArrayList<>(List.of(changes));
        all.add(Updates.set(VERSION, sequence));
        all.add(Updates.set(UPDATED_AT, Date.from(at)));
        MongoBatch.changing(collection, id, sequence, where, Updates.combine(all));
    }

    public static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    /** A sealed text as a read model keeps it (opened at read time, for a caller allowed to read its case). */
    public static Document sealed(SealedText text) {
        return text == null ? null : new Document("algorithm", text.algorithm()).append("keyId", text.keyId())
                                                                                .append("nonce", text.nonce())
                                                                                .append("ciphertext", text.ciphertext());
    }

    public static SealedText sealedText(Document document, String field) {
        Object value = document.get(field);
        if (value instanceof String plain) {
            return SealedText.plain(plain); // kept so by a version before texts were sealed (a MongoDB kept across)
        }
        if (!(value instanceof Document sealed)) {
            return null;
        }
        return new SealedText(sealed.getString("algorithm"), sealed.getString("keyId"), sealed.getString("nonce"),
                              sealed.getString("ciphertext"));
    }
}
