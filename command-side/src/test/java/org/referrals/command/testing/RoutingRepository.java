package org.referrals.command.testing;

import java.util.concurrent.Callable;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * One repository made of two: the fixture's, for the aggregate under test, and another for every other id, so
 * that a handler which reads or creates a second aggregate of the same type can run inside an aggregate test
 * fixture (which follows one aggregate only).
 */
public class RoutingRepository<T> implements Repository<T> {

    private final Repository<T> fixture;
    private final String fixtureAggregateId;
    private final Repository<T> others;
    private final boolean createInOthers;

    /** Loads the fixture's aggregate from the fixture, all others from {@code others}; creates in the fixture. */
    public RoutingRepository(Repository<T> fixture, String fixtureAggregateId, Repository<T> others) {
        this(fixture, fixtureAggregateId, others, false);
    }

    private RoutingRepository(Repository<T> fixture, String fixtureAggregateId, Repository<T> others,
                              boolean createInOthers) {
        this.fixture = fixture;
        this.fixtureAggregateId = fixtureAggregateId;
        this.others = others;
        this.createInOthers = createInOthers;
    }

    /** The same, but new aggregates are created in {@code others}. */
    public RoutingRepository<T> creatingInOthers() {
        return new RoutingRepository<>(fixture, fixtureAggregateId, others, true);
    }

    @Override
    public Aggregate<T> load(String aggregateIdentifier) {
        return route(aggregateIdentifier).load(aggregateIdentifier);
    }

    @Override
    public Aggregate<T> load(String aggregateIdentifier, Long expectedVersion) {
        return route(aggregateIdentifier).load(aggregateIdentifier, expectedVersion);
    }

    @Override
    public Aggregate<T> newInstance(Callable<T> factoryMethod) throws Exception {
        return (createInOthers ? others : fixture).newInstance(factoryMethod);
    }

    @Override
    public void send(Message<?> message, ScopeDescriptor scopeDescription) throws Exception {
        fixture.send(message, scopeDescription);
    }

    @Override
    public boolean canResolve(ScopeDescriptor scopeDescription) {
        return fixture.canResolve(scopeDescription);
    }

    private Repository<T> route(String aggregateIdentifier) {
        return fixtureAggregateId.equals(aggregateIdentifier) ? fixture : others;
    }
}
