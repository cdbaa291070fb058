package org.referrals.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Collects a projection's writes for the current batch of events (one unit of work of a streaming processor) and
 * sends them per collection as one ordered bulk write just before the batch's token is stored: one round trip per
 * batch instead of one per event. Ordered, so several events of one aggregate in a batch apply in sequence.
 * <p>
 * A versioned change ({@link Projections#update}) applies only if its document has not seen that event yet. The
 * versions are read for the whole batch by {@code _id} and compared here, and the change is written by {@code _id}:
 * a filter on {@code _id} and {@code version} together would make the embedded MongoDB-wire server scan the whole
 * collection for every event (its {@code _id} index serves a filter on {@code _id} alone). One processor segment
 * at a time writes an aggregate's documents (Axon's segment claims), so the version read is the version written to.
 */
public final class MongoBatch {

    private static final String RESOURCE = MongoBatch.class.getName();

    /** A write as given, or a change of one document that applies only above the version it has. */
    private record Pending(WriteModel<Document> write, Object id, long sequence, Bson where, Bson change, boolean creates) {
    }

    private MongoBatch() {
    }

    public static void add(MongoCollection<Document> collection, WriteModel<Document> write) {
        add(collection, new Pending(write, null, -1, null, null, false));
    }

    /** The first event of a document: the write inserts it (or changes nothing); its version is then the event's. */
    static void creating(MongoCollection<Document> collection, Object id, long sequence, WriteModel<Document> write) {
        add(collection, new Pending(write, id, sequence, null, null, true));
    }

    /** A change of the document with that id (and matching {@code where}), if it has not seen the event yet. */
    static void changing(MongoCollection<Document> collection, Object id, long sequence, Bson where, Bson change) {
        add(collection, new Pending(null, id, sequence, where, change, false));
    }

    private static void add(MongoCollection<Document> collection, Pending write) {
        if (!CurrentUnitOfWork.isStarted()) {
            flush(collection, List.of(write));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Map<MongoCollection<Document>, List<Pending>> pending = unitOfWork.getOrComputeResource(
                RESOURCE, key -> {
                    Map<MongoCollection<Document>, List<Pending>> writes = new IdentityHashMap<>();
                    unitOfWork.onPrepareCommit(committing -> {
                        writes.forEach(MongoBatch::flush);
                        writes.clear();
                    });
                    return writes;
                });
        pending.computeIfAbsent(collection, key -> new ArrayList<>()).add(write);
    }

    private static void flush(MongoCollection<Document> collection, List<Pending> pending) {
        Map<Object, Long> versions = versions(collection, pending);
        List<WriteModel<Document>> writes = new ArrayList<>(pending.size());
        for (Pending write : pending) {
            if (write.creates()) {
                versions.putIfAbsent(write.id(), write.sequence());
                writes.add(write.write());
            } else if (write.id() == null) {
                writes.add(write.write());
            } else if (write.sequence() > versions.getOrDefault(write.id(), -1L)) {
                Bson byId = Filters.eq("_id", write.id());
                writes.add(new UpdateOneModel<>(write.where() == null ? byId : Filters.and(byId, write.where()), write.change()));
                versions.put(write.id(), write.sequence());
            }
        }
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        }
    }

    /** The versions the batch's documents have now, read by {@code _id}; none for a document not there yet. */
    private static Map<Object, Long> versions(MongoCollection<Document> collection, List<Pending> pending) {
        Set<Object> ids = new LinkedHashSet<>();
        pending.stream().filter(write -> write.id() != null).forEach(write -> ids.add(write.id()));
        Map<Object, Long> versions = new HashMap<>();
        if (pending.stream().anyMatch(write -> write.change() != null)) { // inserts alone need no versions
            collection.find(Filters.in("_id", ids)).projection(com.mongodb.client.model.Projections.include(Projections.VERSION))
                      .forEach(document -> {
                          if (document.get(Projections.VERSION) instanceof Number version) {
                              versions.put(document.get("_id"), version.longValue());
                          }
                      });
        }
        return versions;
    }
}
