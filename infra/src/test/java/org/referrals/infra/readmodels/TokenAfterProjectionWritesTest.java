package org.referrals.infra.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * A token asked to be stored in a batch's prepare-commit phase (as Axon's pooled processor does, before the
 * projections' writes in later prepare-commit handlers) is stored only in the commit phase, after those writes.
 */
class TokenAfterProjectionWritesTest {

    @Test
    void theTokenIsStoredAfterEveryPrepareCommitWrite() {
        List<String> order = new ArrayList<>();
        InMemoryTokenStore tokens = new InMemoryTokenStore() {
            @Override
            public void storeToken(org.axonframework.eventhandling.TrackingToken token, String processorName, int segment) {
                order.add("token");
                super.storeToken(token, processorName, segment);
            }
        };
        tokens.initializeTokenSegments("p", 1);
        TokenAfterProjectionWrites store = new TokenAfterProjectionWrites(tokens);

        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("e"));
        batch.onPrepareCommit(u -> store.storeToken(new GlobalSequenceTrackingToken(7), "p", 0)); // registered first
        batch.onPrepareCommit(u -> order.add("projection writes"));
        batch.commit();

        assertThat(order).containsExactly("projection writes", "token");
        assertThat(tokens.fetchToken("p", 0)).isEqualTo(new GlobalSequenceTrackingToken(7));
    }

    @Test
    void outsideABatchTheTokenIsStoredAtOnce() {
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        tokens.initializeTokenSegments("p", 1);
        new TokenAfterProjectionWrites(tokens).storeToken(new GlobalSequenceTrackingToken(3), "p", 0);
        assertThat(tokens.fetchToken("p", 0)).isEqualTo(new GlobalSequenceTrackingToken(3));
    }
}
