package org.referrals.query.audit;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private final AuditChainer chainer;

    public AuditVerifier(AuditChainer chainer) {
        this.chainer = chainer;
    }

    /** The whole chain; with a checkpoint, also whether the recomputed chain passes through it. */
    public AuditVerification verify(Long checkpointSeq, String checkpointHash) {
        AuditChainer.Head head = chainer.catchUp();
        StoredEvents store = chainer.store();
        long checked = 0;
        String recomputed = AuditHash.GENESIS;
        Boolean checkpointMatches = checkpointSeq == null ? null : false;
        Long broken = null;
        Deque<StoredEvent> events = new ArrayDeque<>(store.after(0, PAGE));
        long lastRead = events.isEmpty() ? 0 : events.getLast().position();
        // page by page in _id order, so that a million records are never in memory at once
        long after = 0;
        pages:
        while (true) {
            List<AuditRecords.Link> records = chainer.records().between(after, head.position(), PAGE);
            if (records.isEmpty()) {
                break;
            }
            for (AuditRecords.Link record : records) {
                long position = record.position();
                after = position;
                if (events.isEmpty()) {
                    events.addAll(store.after(lastRead, PAGE));
                    lastRead = events.isEmpty() ? lastRead : events.getLast().position();
                }
                StoredEvent event = events.pollFirst();
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
        boolean verified = broken == null && !Boolean.FALSE.equals(checkpointMatches);
        log.info("audit verification: verified={} checkedEvents={} firstBrokenSeq={}", verified, checked, broken);
        return new AuditVerification(verified, checked, broken, head.count() == 0 ? null : head.position(),
                                     head.count() == 0 ? null : head.hash(), checkpointMatches);
    }

    /** The recorded links of the chain at these positions, where there are. */
    public Map<Long, AuditRecords.Link> links(Collection<Long> positions) {
        return positions.isEmpty() ? Map.of() : chainer.records().at(positions);
    }

    /**
     * The positions in the event store of these events (by identifier), none when the store is not readable here.
     * A projection's token gives an event committed after later positions the later position, so a read model
     * cannot know an event's own position.
     */
    public Map<String, Long> positionsOf(Collection<String> eventIds) {
        if (!chainer.available() || eventIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> positions = new HashMap<>();
        chainer.store().withIds(eventIds).forEach(e -> positions.put(e.eventId(), e.position()));
        return positions;
    }

    /**
     * Checks single links: for each position, that the recorded hash follows from the recorded {@code prevHash} and
     * the stored event. Answers true (all intact), false (one broken) or null (some not chained yet).
     */
    public Boolean linksIntact(Collection<Long> positions) {
        if (!chainer.available() || positions.isEmpty()) {
            return chainer.available() ? Boolean.TRUE : null;
        }
        Map<Long, StoredEvent> stored = new HashMap<>();
        chainer.store().at(positions).forEach(e -> stored.put(e.position(), e));
        Map<Long, AuditRecords.Link> recorded = chainer.records().at(positions);
        boolean complete = true;
        for (Long position : positions) {
            AuditRecords.Link record = recorded.get(position);
            StoredEvent event = stored.get(position);
            if (record == null) {
                complete = false;
                continue;
            }
            if (event == null || !Objects.equals(record.eventId(), event.eventId())
                    || !AuditHash.link(record.prevHash(), event).equals(record.hash())) {
                return false;
            }
        }
        return complete ? Boolean.TRUE : null;
    }
}
