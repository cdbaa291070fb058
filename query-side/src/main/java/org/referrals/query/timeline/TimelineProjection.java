package org.referrals.query.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.referrals.api.common.MetaDataKeys;
import java.util.List;
import org.referrals.query.common.IdIndex;
import org.referrals.query.common.MongoBatch;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Collection {@code timeline}: one document per event of a referral or a case, keyed by the event's id (so a
 * redelivered event overwrites itself with the same content), with who did it and a summary.
 */
@Component
@ProcessingGroup("timeline")
public class TimelineProjection {

    static final String COLLECTION = "timeline";
    /** An aggregate's entries by {@code _id} ({@link IdIndex}): the embedded server would scan for an aggregateId. */
    static final String INDEX = "timeline_index";
    private static final String REFERRAL_EVENTS = "org.referrals.api.referral.";
    private static final String CASE_EVENTS = "org.referrals.api.caseregistry.";

    private final MongoCollection<Document> timeline;
    private final IdIndex index;

    public TimelineProjection(MongoDatabase mongoDatabase) {
        this.timeline = mongoDatabase.getCollection(COLLECTION);
        this.index = new IdIndex(mongoDatabase, INDEX);
        timeline.createIndex(Indexes.ascending("aggregateId", "seq"));
    }

    @EventHandler
    void on(Object event, EventMessage<?> message, TrackingToken token) {
        String type = event.getClass().getName();
        if (!(message instanceof DomainEventMessage<?> domainEvent)
                || !(type.startsWith(REFERRAL_EVENTS) || type.startsWith(CASE_EVENTS))) {
            return;
        }
        var metaData = message.getMetaData();
        Document entry = new Document("_id", message.getIdentifier())
                .append("aggregateId", domainEvent.getAggregateIdentifier())
                .append("aggregateType", type.startsWith(REFERRAL_EVENTS) ? "referral" : "case")
                .append("aggregateSeq", domainEvent.getSequenceNumber())
                // the processor's position: the event's own, unless it was committed after events with later
                // positions (then the latest of those); the timeline API reads the event's own from the store
                .append("seq", token.position().orElse(-1))
                .append("type", event.getClass().getSimpleName())
                .append("at", Date.from(message.getTimestamp()))
                .append("userId", metaData.get(MetaDataKeys.USER_ID))
                .append("partnerId", metaData.get(MetaDataKeys.PARTNER_ID))
                .append("role", metaData.get(MetaDataKeys.ROLE))
                .append("summary", TimelineSummaries.of(event));
        MongoBatch.add(timeline, new ReplaceOneModel<>(Filters.eq("_id", message.getIdentifier()), entry,
                                                       new ReplaceOptions().upsert(true)));
        index.file(domainEvent.getAggregateIdentifier(), message.getIdentifier());
    }

    @ResetHandler
    void reset() {
        timeline.drop();
        index.drop();
    }

    /** A timeline written before its index existed gets the index built once at start (one scan). */
    @EventListener(ContextRefreshedEvent.class)
    public void buildIndexWhenMissing() {
        index.buildWhenMissing(timeline, List.of("aggregateId"), entry -> List.of(entry.getString("aggregateId")));
    }
}
