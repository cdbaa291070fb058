package org.referrals.infra.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.referrals.api.common.Role;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.infra.api.ApiClient;
import org.referrals.infra.api.ApiTest;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/**
 * Every query the application sends to MongoDB while every read endpoint is used, by collection and shape (the
 * filter's fields and operators), with what serves it: the {@code _id} key, an index the projection declares (one:
 * the referrals' changes since a position), or a read of the whole collection where that is the point (the referrals'
 * snapshot, shared by a second's requests; the directory). A new query shape fails this test until it is listed here
 * with what serves it (a filter on another field needs an index that the projection declares). The projections' own reads (the versions of a batch's documents) are listed too. Axon's own collections
 * (tokens, dead letters, sagas) are the library's and left out.
 */
class QueryShapesTest extends ApiTest {

    /** Collection and shape, and what serves it. */
    private static final Map<String, String> SERVED_BY = new TreeMap<>(Map.ofEntries(
            Map.entry("referrals {}", "whole collection: the referrals' snapshot, at most once a second (ReferralSnapshots)"),
            Map.entry("referrals {position: $gt}", "index position, declared by ReferralProjection.INDEXES: the snapshot's refresh, "
                    + "what changed since the last (on the embedded server, which has no secondary indexes, a filter over its "
                    + "documents in memory, none of them sent but the changed)"),
            Map.entry("referrals {_id}", "_id"),
            Map.entry("referrals {_id: $in}", "_id: a list's page, the live stream's batch, a projection batch's versions"),
            Map.entry("cases {_id}", "_id"),
            Map.entry("cases {_id: $in}", "_id: a projection batch's versions, the coordinators' review of possible duplicates"),
            Map.entry("partners {_id: $in}", "_id: a projection batch's versions"),
            Map.entry("api_keys {_id: $in}", "_id: a projection batch's versions"),
            Map.entry("case_referrals {_id}", "_id: case access, the case's timeline"),
            Map.entry("partners {}", "whole collection: the directory (one document per partner), for the map and suggestions"),
            Map.entry("partners {_id}", "_id"),
            Map.entry("agreements {}", "whole collection: one document per agreement, for the map"),
            Map.entry("api_keys {_id}", "_id: the key directory's mirror")));

    private static final Set<String> AXON = Set.of("trackingtokens", "deadletters", "sagas");
    private static final Set<String> QUERIES = Set.of("find", "count", "aggregate", "distinct");
    private static final Set<String> SEEN = new ConcurrentSkipListSet<>();

    @TestConfiguration
    static class RecordQueries {

        @Bean
        MongoClientSettingsBuilderCustomizer recordQueries() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (QUERIES.contains(event.getCommandName())) {
                        String collection = event.getCommand().getString(event.getCommandName()).getValue();
                        if (!AXON.contains(collection)) {
                            SEEN.add(collection + " " + shape(event.getCommand(), event.getCommandName()));
                        }
                    }
                }
            });
        }
    }

    @Test
    void everyQueryIsServedByTheIdKeyADeclaredIndexOrIsAWholeCollectionReadOnPurpose() {
        useEveryReadEndpoint();

        assertThat(SEEN).as("the queries were recorded").contains("referrals {}", "referrals {_id: $in}", "partners {_id: $in}");
        assertThat(new TreeSet<>(SEEN)).as("query shapes not listed with what serves them").isSubsetOf(SERVED_BY.keySet());
    }

    private void useEveryReadEndpoint() {
        var parties = api.parties("shapes", ServiceCategory.LEGAL_AID);
        String caseId = api.caseOf(parties.referrerKey());
        String referralId = api.refer(parties.referrerKey(), caseId, parties.receiver(), ServiceCategory.LEGAL_AID).referralId();
        api.act(parties.receiverKey(), referralId, "accept", Map.of());
        awaitProjectionsIdle();
        String coordinator = api.coordinatorKey();
        String analyst = api.key(Role.ANALYST, null);
        for (String path : List.of("/api/referrals?direction=inbound", "/api/referrals?status=ACCEPTED&category=LEGAL_AID&overdue=false",
                                   "/api/referrals/" + referralId, "/api/referrals/" + referralId + "/timeline",
                                   "/api/cases/" + caseId + "/timeline", "/api/cases/" + caseId,
                                   "/api/partners/" + parties.receiver() + "/caseload", "/api/partners", "/api/partners/" + parties.receiver())) {
            api.call(HttpMethod.GET, path, parties.receiverKey(), null).expectStatus().isOk();
        }
        api.call(HttpMethod.GET, "/api/referrals/suggestions?caseId=" + caseId + "&category=LEGAL_AID", parties.referrerKey(), null)
           .expectStatus().isOk();
        for (String path : List.of("/api/referrals", "/api/referrals?partnerId=" + parties.referrer(), "/api/escalations",
                                   "/api/network", "/api/network?category=LEGAL_AID&from=2020-01-01")) {
            api.call(HttpMethod.GET, path, coordinator, null).expectStatus().isOk();
        }
        for (String groupBy : List.of("month", "category", "dimension", "region", "partner")) {
            api.call(HttpMethod.GET, "/api/stats?groupBy=" + groupBy + "&from=2020-01-01", analyst, null).expectStatus().isOk();
        }
        for (String path : List.of("/api/admin/projections", "/api/admin/dead-letters")) {
            api.call(HttpMethod.GET, path, ApiClient.ADMIN_KEY, null).expectStatus().isOk();
        }
        // a change of the directory: its projection reads the versions of its batch
        api.post("/api/partners/" + parties.receiver() + "/suspend", coordinator, Map.of("reason", "audit")).expectStatus().isOk();
        awaitProjectionsIdle();
    }

    /** The filter's fields, each with its operators: {@code {_id: $in}}, {@code {}} for none. */
    static String shape(BsonDocument command, String name) {
        BsonValue filter = switch (name) {
            case "find" -> command.get("filter");
            case "count" -> command.get("query");
            case "distinct" -> command.get("query");
            default -> command.get("pipeline");
        };
        if (name.equals("aggregate")) {
            return "aggregate " + filter;
        }
        if (filter == null || !filter.isDocument() || filter.asDocument().isEmpty()) {
            return "{}";
        }
        List<String> fields = new ArrayList<>();
        filter.asDocument().forEach((field, value) -> fields.add(
                value.isDocument() && value.asDocument().keySet().stream().allMatch(k -> k.startsWith("$"))
                        ? field + ": " + String.join(" ", new TreeSet<>(value.asDocument().keySet())) : field));
        fields.sort(String::compareTo);
        return "{" + String.join(", ", fields) + "}";
    }
}
