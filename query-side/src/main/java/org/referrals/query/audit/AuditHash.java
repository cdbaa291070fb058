package org.referrals.query.audit;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.referrals.api.common.Sha256;

/**
 * The link of the audit chain: {@code hash = SHA-256(prevHash ‖ canonical content)}, where the canonical content is
 * the event's id, type, aggregate, aggregate sequence, position, time, metadata (the actor) and payload, each as
 * stored and each prefixed by its length so that no two different events give the same bytes.
 */
public final class AuditHash {

    /** The {@code prevHash} of the first event. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    public static String link(String prevHash, StoredEvent event) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {event.eventId(), event.payloadType(), event.aggregateId(),
                Long.toString(event.aggregateSeq()), Long.toString(event.position()), event.timeStamp(),
                event.metaData(), event.payload()}) {
            String value = field == null ? "" : field;
            canonical.append(value.length()).append(':').append(value).append('\n');
        }
        return HexFormat.of().formatHex(Sha256.of(prevHash.getBytes(StandardCharsets.US_ASCII),
                                                   canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
