package org.referrals.command.testing;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.referrals.command.caseregistry.Case;
import org.referrals.command.household.Household;
import org.referrals.command.partner.Partner;
import org.referrals.command.referral.Referral;

/**
 * The aggregates a command handler under test reads besides the fixture's own: real event-sourced repositories
 * over an in-memory event store, seeded with past events.
 */
public class InMemoryAggregates {

    private final EmbeddedEventStore store =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final Map<String, Long> nextSequence = new HashMap<>();
    public final Repository<Partner> partners;
    public final Repository<Case> cases;
    public final Repository<Referral> referrals;
    public final Repository<Household> households;

    public InMemoryAggregates(Clock clock) {
        partners = repository(Partner.class, clock);
        cases = repository(Case.class, clock);
        referrals = repository(Referral.class, clock);
        households = repository(Household.class, clock);
    }

    public InMemoryAggregates partner(String partnerId, Object... events) {
        return given("Partner", partnerId, events);
    }

    public InMemoryAggregates household(String householdId, Object... events) {
        return given("Household", householdId, events);
    }

    public InMemoryAggregates caseOf(String caseId, Object... events) {
        return given("Case", caseId, events);
    }

    /** Events of an aggregate of this store; those of a unit of work are there once the fixture's command completed. */
    public List<Object> eventsOf(String aggregateId) {
        return store.readEvents(aggregateId).asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    private InMemoryAggregates given(String type, String aggregateId, Object... events) {
        for (Object event : events) {
            long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
            store.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, event));
        }
        return this;
    }

    private <T> Repository<T> repository(Class<T> type, Clock clock) {
        return EventSourcingRepository.builder(type)
                .eventStore(store)
                .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(type),
                        new SimpleResourceParameterResolverFactory(Set.of(clock))))
                .build();
    }
}
