package org.referrals.query.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.referrals.api.audit.AuditVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Recomputes the audit chain from the event store and holds it against the recorded chain: the first position
 * where an event was changed (its hash differs), removed (a recorded position has no event), slipped in (an event
 * has no record) or moved (another event sits at a recorded position) is the first broken one.
 */
@Component
public class AuditVerifier {

    private static final Logger log = LoggerFactory.getLogger(AuditVerifier.class);
    private static final int PAGE = 1000;
    /** How long the store's stream may stay silent before the verification takes it as ended. */
    private static final int END_OF_STORE_SECONDS = 2;

    private final AuditChainer chainer;

    public AuditVerifier(AuditChainer chainer) {
        this.chainer = chainer;
    }

    /** The whole chain; with a checkpoint, also whether the recomputed chain passes through it. */
    public AuditVerification verify(Long checkpointSeq, String checkpointHash) {
        AuditChainer.Head head = chainer.catchUp();
        long checked = 0;
        String recomputed = AuditHash.GENESIS;
        Boolean checkpointMatches = checkpointSeq == null ? null : false;
        Long broken = null;
        // the store from its first event, beside the records page by page, so that a million are never in memory
        try (BlockingStream<TrackedEventMessage<?>> stream = chainer.events().openStream(null)) {
            long after = -1;
            pages:
            while (true) {
                List<AuditRecords.Link> records = chainer.records().between(after, head.position(), PAGE);
                if (records.isEmpty()) {
                    break;
                }
                for (AuditRecords.Link record : records) {
                    long position = record.position();
                    after = position;
                    StoredEvent event = next(stream);
                    if (event == null || event.position() != position) {
                        broken = event == null ? position : Math.min(position, event.position());
                        break pages;
                    }
                    recomputed = AuditHash.link(recomputed, event);
                    if (!recomputed.equals(record.hash()) || !event.eventId().equals(record.eventId())) {
                        broken = position;
                        break pages;
                    }
                    if (checkpointSeq != null && position == checkpointSeq) {
                        checkpointMatches = recomputed.equals(checkpointHash);
                    }
                    checked++;
                    if (checked % 100_000 == 0) {
                        log.info("audit verification: {} events checked", checked);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("audit verification interrupted", e);
        }
        boolean verified = broken == null && !Boolean.FALSE.equals(checkpointMatches);
        log.info("audit verification: verified={} checkedEvents={} firstBrokenSeq={}", verified, checked, broken);
        return new AuditVerification(verified, checked, broken, head.count() == 0 ? null : head.position(),
                                     head.count() == 0 ? null : head.hash(), checkpointMatches);
    }

    /** The next event of the store, or none when the store has no more (the last ones deleted). */
    private StoredEvent next(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        return stream.hasNextAvailable(END_OF_STORE_SECONDS, TimeUnit.SECONDS)
                ? AuditPositions.stored(stream.nextAvailable(), chainer.storedWith()) : null;
    }

    /**
     * The recorded links of these events, by event identifier, where they are chained. A read model cannot know an
     * event's own position (a projection's token gives an event committed after later positions the later
     * position); the chain recorded it.
     */
    public Map<String, AuditRecords.Link> linksOf(Collection<? extends EventMessage<?>> messages) {
        return messages.isEmpty() ? Map.of()
                : chainer.records().ofEvents(messages.stream().map(EventMessage::getIdentifier).toList());
    }

    /**
     * Checks single links: for each event, that its recorded hash follows from the recorded {@code prevHash} and the
     * event as stored. Answers true (all intact), false (one broken) or null (some not chained yet). The order of
     * the events in the store is what {@link #verify} checks.
     */
    public Boolean linksIntact(Collection<? extends EventMessage<?>> messages, Map<String, AuditRecords.Link> links) {
        boolean complete = true;
        for (EventMessage<?> message : messages) {
            AuditRecords.Link link = links.get(message.getIdentifier());
            if (link == null) {
                complete = false;
            } else if (!AuditHash.link(link.prevHash(), StoredEvent.of(message, link.position(), chainer.storedWith()))
                                 .equals(link.hash())) {
                return false;
            }
        }
        return complete ? Boolean.TRUE : null;
    }
}
