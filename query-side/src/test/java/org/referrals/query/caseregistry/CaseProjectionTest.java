package org.referrals.query.caseregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referrals.api.caseregistry.CaseClosed;
import org.referrals.api.caseregistry.CaseClosureReason;
import org.referrals.api.caseregistry.CasePersonalDataErased;
import org.referrals.api.caseregistry.CaseRegistered;
import org.referrals.api.caseregistry.ConsentRecorded;
import org.referrals.api.caseregistry.ConsentWithdrawn;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.caseregistry.SealedPersonalData;
import org.referrals.api.caseregistry.Vulnerability;
import org.referrals.api.common.SealedText;
import org.referrals.api.partner.ServiceCategory;

class CaseProjectionTest {

    private static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private CaseProjection projection;
    private MongoCollection<Document> cases;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        var database = client.getDatabase("test");
        projection = new CaseProjection(database);
        cases = database.getCollection(CaseProjection.COLLECTION);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private Document stored() {
        return cases.find().first();
    }

    @Test
    void aCaseKeepsOnlySealedDataAndItsConsentsAndLosesThePersonalDataOnErasure() {
        var sealed = new SealedPersonalData("AES-256-GCM", "case-1", "bm9uY2U=", "Y2lwaGVy");
        projection.on(new CaseRegistered("case-1", "ngo", sealed, Set.of(Vulnerability.ELDERLY), "MA", T0), 0, T0);
        projection.on(new ConsentRecorded("case-1", "c-1", LegalBasis.CONSENT, List.of(ServiceCategory.LEGAL_AID), List.of(),
                                          T0, null), 1, T0);
        projection.on(new ConsentRecorded("case-1", "c-2", LegalBasis.VITAL_INTEREST, List.of(), List.of("clinic"), T0,
                                          null), 2, T0);
        projection.on(new ConsentWithdrawn("case-1", "c-1", null, T0), 3, T0);
        Document afterWithdrawal = stored();
        assertThat(afterWithdrawal.get("personalData", Document.class).getString("ciphertext")).isEqualTo("Y2lwaGVy");
        assertThat(afterWithdrawal.getList("consents", Document.class)).extracting(c -> c.getBoolean("withdrawn"))
                                                                        .containsExactly(true, false);

        projection.on(new ConsentRecorded("case-1", "c-2", LegalBasis.VITAL_INTEREST, List.of(), List.of("clinic"), T0,
                                          null), 2, T0); // redelivered
        projection.on(new ConsentWithdrawn("case-1", "c-1", null, T0), 3, T0);
        assertThat(stored()).isEqualTo(afterWithdrawal);

        projection.on(new CaseClosed("case-1", CaseClosureReason.OPTED_OUT, null, T0), 4, T0);
        projection.on(new CasePersonalDataErased("case-1", SealedText.plain("request"), T0), 5, T0);
        assertThat(stored().getString("status")).isEqualTo("CLOSED");
        assertThat(stored().getBoolean("erased")).isTrue();
        assertThat(stored().containsKey("personalData")).isFalse();
    }

    @Test
    void thePlansGoalsWithoutTheirTextsTheHouseholdAndTheSealedAssessmentsGoneOnErasure() {
        var sealed = new SealedPersonalData("AES-256-GCM", "case-1", "bm9uY2U=", "Y2lwaGVy");
        var description = new SealedText("AES-256-GCM", "case-1", "bm9uY2U=", "Z29hbA==");
        projection.on(new CaseRegistered("case-1", "ngo", sealed, Set.of(), "MA", T0), 0, T0);
        projection.on(new org.referrals.api.household.CaseJoinedHousehold("case-1", "household-1",
                                                                          org.referrals.api.household.HouseholdRole.CHILD), 1, T0);
        var job = new org.referrals.api.plan.PlannedGoal("g-1", org.referrals.api.partner.ReintegrationDimension.ECONOMIC, description,
                                                         java.time.LocalDate.of(2026, 9, 1), Set.of(ServiceCategory.EMPLOYMENT_JOB_PLACEMENT));
        var health = new org.referrals.api.plan.PlannedGoal("g-2", org.referrals.api.partner.ReintegrationDimension.PSYCHOSOCIAL, description,
                                                            java.time.LocalDate.of(2026, 9, 1), Set.of(ServiceCategory.HEALTH_CARE));
        projection.on(new org.referrals.api.plan.PlanAgreed("case-1", List.of(job, health), T0), 2, T0);
        projection.on(new org.referrals.api.plan.GoalAchieved("case-1", "g-1", null, T0), 3, T0);
        projection.on(new org.referrals.api.caseregistry.AssessmentRecorded("case-1", "a-1", "rss", 1, java.time.LocalDate.of(2026, 2, 2),
                                                                            description, T0), 4, T0);
        projection.on(new org.referrals.api.plan.GoalDropped("case-1", "g-2", null, CaseClosureReason.RE_MIGRATED, T0), 5, T0);

        Document c = stored();
        assertThat(c.getString("householdId")).isEqualTo("household-1");
        assertThat(c.getString("householdRole")).isEqualTo("CHILD");
        assertThat(c.getDate("planAgreedAt").toInstant()).isEqualTo(T0);
        assertThat(c.getList("goals", Document.class)).extracting(g -> g.getString("status"))
                                                      .containsExactly("ACHIEVED", "CLOSED_WITH_CASE");
        assertThat(c.getList("goals", Document.class)).allSatisfy( // no description, sealed or not
                g -> assertThat(g.keySet()).containsExactlyInAnyOrder("goalId", "dimension", "status"));
        assertThat(c.getList("assessments", Document.class)).singleElement()
                                                            .satisfies(a -> assertThat(a.getString("takenOn")).isEqualTo("2026-02-02"));

        projection.on(new org.referrals.api.household.CaseLeftHousehold("case-1", "household-1"), 6, T0);
        projection.on(new CasePersonalDataErased("case-1", SealedText.plain("request"), T0), 7, T0);
        assertThat(stored().containsKey("householdId")).isFalse();
        assertThat(stored().containsKey("assessments")).isFalse();
        assertThat(stored().getList("goals", Document.class)).hasSize(2);
    }
}
