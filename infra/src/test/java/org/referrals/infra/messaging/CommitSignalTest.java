package org.referrals.infra.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pooled processors' wake-up: after a local commit, never before it, and only for open streams. */
class CommitSignalTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    /** No tick during the test: every signal seen comes from a commit. */
    private final CommitSignal signal = new CommitSignal(Duration.ofHours(1), Duration.ofMillis(20));

    @AfterEach
    void close() {
        signal.close();
        store.shutDown();
    }

    @Test
    void aStreamIsWokenOnlyOnceTheUnitOfWorkCommittedAndThenSeesTheEvent() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = signal.around(store).openStream(null);
        List<Boolean> eventVisibleWhenWoken = new CopyOnWriteArrayList<>();
        assertThat(stream.setOnAvailableCallback(() -> eventVisibleWhenWoken.add(stream.hasNextAvailable()))).isTrue();

        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        store.publish(GenericEventMessage.asEventMessage("referral requested"));
        List<Integer> wakeUpsBeforeCommit = new ArrayList<>();
        unitOfWork.onCommit(committing -> wakeUpsBeforeCommit.add(eventVisibleWhenWoken.size()));
        unitOfWork.commit();

        assertThat(wakeUpsBeforeCommit).containsExactly(0);
        await().atMost(Duration.ofSeconds(2)).until(() -> !eventVisibleWhenWoken.isEmpty());
        assertThat(eventVisibleWhenWoken).containsExactly(true);
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("referral requested");
    }

    @Test
    void commitsCloseTogetherShareOneWakeUp() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = signal.around(store).openStream(null);
        AtomicInteger wakeUps = new AtomicInteger();
        stream.setOnAvailableCallback(wakeUps::incrementAndGet);

        for (int i = 0; i < 10; i++) {
            DefaultUnitOfWork.startAndGet(null);
            store.publish(GenericEventMessage.asEventMessage("event " + i));
            CurrentUnitOfWork.commit();
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> wakeUps.get() > 0);
        Thread.sleep(100);

        assertThat(wakeUps.get()).isBetween(1, 2);
    }

    @Test
    void aClosedStreamIsNoLongerWoken() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = signal.around(store).openStream(null);
        List<String> woken = new ArrayList<>();
        stream.setOnAvailableCallback(() -> woken.add("woken"));
        assertThat(signal.listeners()).isEqualTo(1);

        stream.close();
        store.publish(GenericEventMessage.asEventMessage("outside a unit of work"));
        Thread.sleep(100);

        assertThat(signal.listeners()).isZero();
        assertThat(woken).isEmpty();
    }

    @Test
    void aStreamWithItsOwnCallbackKeepsIt() {
        EventStore axonServerLike = mock(EventStore.class);
        @SuppressWarnings("unchecked")
        BlockingStream<TrackedEventMessage<?>> ownCallback = mock(BlockingStream.class);
        when(ownCallback.setOnAvailableCallback(any())).thenReturn(true);
        when(axonServerLike.openStream(any())).thenReturn((BlockingStream) ownCallback);

        assertThat(signal.around(axonServerLike).openStream(null).setOnAvailableCallback(() -> { })).isTrue();

        assertThat(signal.listeners()).isZero();
    }
}
