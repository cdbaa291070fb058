package org.referrals.query.household;

import static org.referrals.query.common.Projections.create;
import static org.referrals.query.common.Projections.update;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.referrals.api.household.HouseholdFormed;
import org.referrals.api.household.HouseholdMemberAdded;
import org.referrals.api.household.HouseholdMemberRemoved;
import org.referrals.api.household.HouseholdRole;
import org.springframework.stereotype.Component;

/**
 * Collection {@code households}: per household its owner and members (case ids and roles), no personal data; read
 * by id, so the household view never scans the cases. Part of the {@code cases} projection (rebuilt with it).
 */
@Component
@ProcessingGroup("cases")
public class HouseholdProjection {

    public static final String COLLECTION = "households";
    static final String OWNER = "owningPartnerId";
    static final String MEMBERS = "members";
    static final String CASE = "caseId";
    static final String ROLE = "role";

    private final MongoCollection<Document> households;

    public HouseholdProjection(MongoDatabase mongoDatabase) {
        this.households = mongoDatabase.getCollection(COLLECTION);
    }

    @EventHandler
    void on(HouseholdFormed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        create(households, new Document("_id", event.householdId()).append(OWNER, event.owningPartnerId())
                .append(MEMBERS, List.of(member(event.headCaseId(), HouseholdRole.HEAD))), sequence, at);
    }

    @EventHandler
    void on(HouseholdMemberAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(households, event.householdId(), sequence, at, Updates.push(MEMBERS, member(event.caseId(), event.role())));
    }

    @EventHandler
    void on(HouseholdMemberRemoved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(households, event.householdId(), sequence, at, Updates.pull(MEMBERS, Filters.eq(CASE, event.caseId())));
    }

    @ResetHandler
    void reset() {
        households.drop();
    }

    private static Document member(String caseId, HouseholdRole role) {
        return new Document(CASE, caseId).append(ROLE, role.name());
    }
}
