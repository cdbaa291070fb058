package org.referrals.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.referrals.api.audit.AuditVerification;
import org.referrals.api.caseregistry.CaseClosed;
import org.referrals.api.caseregistry.CaseClosureReason;
import org.referrals.api.common.SealedText;
import org.referrals.api.referral.FailureReason;
import org.referrals.api.referral.ReferralNoteAdded;
import org.referrals.api.referral.ServiceFailed;
import org.referrals.api.referral.Timeline;
import org.referrals.query.audit.AuditChainer;
import org.referrals.query.audit.AuditVerifier;
import org.referrals.query.audit.InMemoryAuditRecords;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Timelines read the aggregates' own events from the event store, with a summary and no free text, at the
 * positions the audit chain recorded for them (here over Axon's in-memory store: the chain follows any store).
 */
class AuditedHistoryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final AuditChainer chainer = new AuditChainer(store, JacksonSerializer.defaultSerializer(),
                                                          new InMemoryAuditRecords(), Duration.ofSeconds(5));
    private final AuditedHistory history = new AuditedHistory(store, new AuditVerifier(chainer), labels());

    /** The keys' labels as infra keeps them: key-1 is the clinic's intake desk. */
    private static ObjectProvider<ActorLabels> labels() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("actorLabels", (ActorLabels) ids -> ids.contains("key-1") ? Map.of("key-1", "intake desk") : Map.of());
        return beans.getBeanProvider(ActorLabels.class);
    }

    @AfterEach
    void stop() {
        chainer.stop();
        store.shutDown();
    }

    private void append(String type, String aggregateId, long sequence, Object payload, Instant at) {
        store.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload,
                                                      MetaData.from(Map.of("userId", "key-1", "partnerId", "clinic")),
                                                      "e-" + aggregateId + "-" + sequence, at));
    }

    @Test
    void everyEventOfTheAggregatesInOrderWithItsActorAndASummaryWithoutFreeText() {
        append("Referral", "r-1", 0, new ReferralNoteAdded("r-1", SealedText.plain("Fatou's brother called on +221 77 000 00 00")), T0);
        append("Case", "c-1", 0, new CaseClosed("c-1", CaseClosureReason.MOVED_AWAY, SealedText.plain("to her aunt in Dakar"), T0), T0.plusSeconds(60));
        append("Referral", "r-1", 1, new ServiceFailed("r-1", FailureReason.CLIENT_UNREACHABLE, SealedText.plain("moved to Dakar")), T0.plusSeconds(120));
        append("Referral", "r-other", 0, new ReferralNoteAdded("r-other", SealedText.plain("not this one")), T0.plusSeconds(30));

        Timeline unchained = history.of(List.of("r-1", "c-1"));
        assertThat(unchained.entries()).as("in the order of time before the chain gives positions")
                                       .extracting(Timeline.Entry::type)
                                       .containsExactly("ReferralNoteAdded", "CaseClosed", "ServiceFailed");
        assertThat(unchained.entries()).extracting(Timeline.Entry::seq).containsOnly(AuditedHistory.NO_POSITION);
        assertThat(unchained.verified()).as("not chained yet").isNull();
        assertThat(unchained.entries()).extracting(Timeline.Entry::userLabel).containsOnly("intake desk");

        chainer.start();
        chainer.catchUp();
        Timeline timeline = history.of(List.of("r-1", "c-1"));

        assertThat(timeline.entries()).extracting(Timeline.Entry::type)
                                      .containsExactly("ReferralNoteAdded", "CaseClosed", "ServiceFailed");
        assertThat(timeline.entries()).extracting(Timeline.Entry::summary)
                                      .containsExactly("Note added", "Case closed: MOVED_AWAY", "Service failed: CLIENT_UNREACHABLE");
        assertThat(timeline.entries()).extracting(Timeline.Entry::seq).as("positions in the store")
                                      .isSorted().doesNotContain(AuditedHistory.NO_POSITION).doesNotHaveDuplicates();
        Timeline.Entry first = timeline.entries().get(0);
        assertThat(first.aggregateId()).isEqualTo("r-1");
        assertThat(first.userId()).isEqualTo("key-1");
        assertThat(first.partnerId()).isEqualTo("clinic");
        assertThat(first.at()).isEqualTo(T0);
        assertThat(first.hash()).isNotNull().isNotEqualTo(first.prevHash());
        assertThat(timeline.verified()).as("every link follows from its event").isTrue();
        assertThat(timeline.toString()).doesNotContain("Fatou", "+221", "Dakar");
        assertThat(new AuditVerifier(chainer).verify(null, null))
                .returns(true, AuditVerification::verified).returns(4L, AuditVerification::checkedEvents);
    }

    @Test
    void anAggregateWithoutEventsHasAnEmptyTimeline() {
        assertThat(history.of(List.of("nobody")).entries()).isEmpty();
    }
}
