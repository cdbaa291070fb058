package org.referrals.query.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.referrals.api.common.MetaDataKeys;
import org.referrals.api.referral.Timeline;
import org.referrals.query.audit.AuditRecords;
import org.referrals.query.audit.AuditVerifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The events of some aggregates as a timeline: read from the event store through Axon (any store: JDBC or Axon
 * Server), each with who did it and a summary, at its position in the store with its links of the audit chain,
 * and whether those links still follow from the stored events. Blocking.
 */
@Component
public class AuditedHistory {

    /** The position of an event not chained yet (the chain follows the store a fraction of a second behind). */
    static final long NO_POSITION = -1;

    private final EventStore events;
    private final AuditVerifier verifier;
    private final ActorLabels labels;

    public AuditedHistory(EventStore eventStore, AuditVerifier verifier, ObjectProvider<ActorLabels> labels) {
        this.events = eventStore;
        this.verifier = verifier;
        this.labels = labels.getIfAvailable(() -> ids -> Map.of());
    }

    /** Every event of these aggregates, in the order of the store (by time where the chain gives no position yet). */
    public Timeline of(List<String> aggregateIds) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (String aggregateId : aggregateIds) {
            events.readEvents(aggregateId, 0).asStream().forEach(messages::add);
        }
        Map<String, AuditRecords.Link> links = verifier.linksOf(messages);
        ToLongFunction<DomainEventMessage<?>> position = m -> links.containsKey(m.getIdentifier())
                ? links.get(m.getIdentifier()).position() : NO_POSITION;
        // those not chained yet (a fraction of a second) come after the chained ones, by time
        messages.sort(Comparator.<DomainEventMessage<?>>comparingLong(m -> position.applyAsLong(m) == NO_POSITION
                                        ? Long.MAX_VALUE : position.applyAsLong(m))
                                .thenComparing(DomainEventMessage::getTimestamp)
                                .thenComparingLong(DomainEventMessage::getSequenceNumber));
        Map<String, String> actors = labels.of(messages.stream().map(m -> (String) m.getMetaData().get(MetaDataKeys.USER_ID))
                                                       .filter(java.util.Objects::nonNull).distinct().toList());
        List<Timeline.Entry> entries = messages.stream().map(m -> {
            AuditRecords.Link link = links.get(m.getIdentifier());
            TimelineSummaries.Summary summary = TimelineSummaries.of(m.getPayload());
            return new Timeline.Entry(position.applyAsLong(m), m.getAggregateIdentifier(), m.getPayloadType().getSimpleName(),
                                      m.getTimestamp(),
                                      (String) m.getMetaData().get(MetaDataKeys.USER_ID),
                                      actors.get((String) m.getMetaData().get(MetaDataKeys.USER_ID)),
                                      (String) m.getMetaData().get(MetaDataKeys.PARTNER_ID),
                                      summary.text(), summary.code(), summary.args(),
                                      link == null ? null : link.hash(), link == null ? null : link.prevHash());
        }).toList();
        return new Timeline(entries, verifier.linksIntact(messages, links));
    }
}
