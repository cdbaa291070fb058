package org.referrals.query.common;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Idempotent writes for projections with one document per aggregate: each document remembers the sequence number
 * of the last event applied ({@code version}), and an event at or below it changes nothing, so a redelivered
 * event (at-least-once delivery, replays) is harmless. No multi-document transaction is needed.
 */
public final class Projections {

    public static final String VERSION = "version";
    public static final String UPDATED_AT = "updatedAt";

    private Projections() {
    }

    /** The first event of the aggregate; ignored when the document is already there. */
    public static void create(MongoCollection<Document> collection, Document document, long sequence, Instant at) {
        try {
            collection.insertOne(document.append(VERSION, sequence).append(UPDATED_AT, Date.from(at)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** A later event: applied only if the document has not seen it yet. */
    public static void update(MongoCollection<Document> collection, String id, long sequence, Instant at, Bson... changes) {
        List<Bson> all = new ArrayList<>(List.of(changes));
        all.add(Updates.set(VERSION, sequence));
        all.add(Updates.set(UPDATED_AT, Date.from(at)));
        collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.lt(VERSION, sequence)), Updates.combine(all));
    }

    public static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
