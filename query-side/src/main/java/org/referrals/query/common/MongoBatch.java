package org.referrals.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

/**
 * Collects a projection's writes for the current batch of events (one unit of work of a streaming processor) and
 * sends them per collection as one ordered bulk write just before the batch's token is stored: one round trip per
 * batch instead of one per event. Ordered, so several events of one aggregate in a batch apply in sequence.
 */
public final class MongoBatch {

    private static final String RESOURCE = MongoBatch.class.getName();

    private MongoBatch() {
    }

    public static void add(MongoCollection<Document> collection, WriteModel<Document> write) {
        if (!CurrentUnitOfWork.isStarted()) {
            collection.bulkWrite(List.of(write));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Map<MongoCollection<Document>, List<WriteModel<Document>>> pending = unitOfWork.getOrComputeResource(
                RESOURCE, key -> {
                    Map<MongoCollection<Document>, List<WriteModel<Document>>> writes = new IdentityHashMap<>();
                    unitOfWork.onPrepareCommit(committing -> flush(writes));
                    return writes;
                });
        pending.computeIfAbsent(collection, key -> new ArrayList<>()).add(write);
    }

    private static void flush(Map<MongoCollection<Document>, List<WriteModel<Document>>> pending) {
        pending.forEach((collection, writes) -> collection.bulkWrite(writes, new BulkWriteOptions().ordered(true)));
        pending.clear();
    }
}
