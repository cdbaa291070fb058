package org.referrals.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * The audit chain's links in collection {@code audit_chain} of an external MongoDB, one document per position, with
 * an index on the event's identifier (timelines find their events' links by it).
 */
public final class MongoAuditRecords implements AuditRecords {

    public static final String COLLECTION = "audit_chain";

    private final MongoCollection<Document> chain;

    public MongoAuditRecords(MongoDatabase mongoDatabase) {
        this.chain = mongoDatabase.getCollection(COLLECTION);
        chain.createIndex(Indexes.ascending("eventId"));
    }

    @Override
    public Optional<Link> last() {
        return Optional.ofNullable(chain.find().sort(Sorts.descending("_id")).first()).map(MongoAuditRecords::link);
    }

    @Override
    public void record(List<Link> links) {
        if (!links.isEmpty()) {
            chain.bulkWrite(links.stream().map(link -> new ReplaceOneModel<>(
                    Filters.eq("_id", link.position()),
                    new Document("_id", link.position()).append("n", link.n()).append("eventId", link.eventId())
                                                        .append("prevHash", link.prevHash()).append("hash", link.hash()),
                    new ReplaceOptions().upsert(true))).toList());
        }
    }

    @Override
    public void forgetFrom(long position) {
        chain.deleteMany(Filters.gte("_id", position));
    }

    @Override
    public List<Link> between(long position, long upTo, int limit) {
        return chain.find(new Document("_id", new Document("$gt", position).append("$lte", upTo)))
                    .sort(Sorts.ascending("_id")).limit(limit).map(MongoAuditRecords::link).into(new ArrayList<>());
    }

    @Override
    public Map<String, Link> ofEvents(Collection<String> eventIds) {
        Map<String, Link> links = new HashMap<>();
        if (!eventIds.isEmpty()) {
            chain.find(Filters.in("eventId", eventIds)).forEach(d -> links.put(d.getString("eventId"), link(d)));
        }
        return links;
    }

    private static Link link(Document d) {
        return new Link(((Number) d.get("_id")).longValue(), ((Number) d.get("n")).longValue(), d.getString("eventId"),
                        d.getString("prevHash"), d.getString("hash"));
    }
}
