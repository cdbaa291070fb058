package org.referrals.infra.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.referrals.api.common.SealedText;
import org.referrals.command.common.TextSealer;
import org.referrals.query.audit.AuditRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals, once, the free texts that versions before 2026-12-05 stored in clear in the JDBC event store (a referral's
 * reason, notes, justifications: JSON strings where {@link SealedText} now stands). Each is sealed under its case's
 * key in the row itself; the text of a case already erased is dropped. Events are otherwise left as they are.
 *
 * <p>This is the one place where stored events are rewritten, and it changes the audit chain on purpose: the links
 * from the first rewritten position on are forgotten, and the chainer computes them again from the store as it now
 * is. What was done is kept in {@code text_resealing} (one row: when, how many events and texts, the positions, the
 * chain's head before), so that a checkpoint signed before the upgrade can be explained (README, Data protection).
 * It runs at start, before anything reads the events, on the command side (which holds the case keys); a row in
 * {@code text_resealing} means done, also on a new store (nothing to do). Axon Server's store cannot be rewritten:
 * there the texts of such events stay as they are (README).
 */
public final class PlainTextResealing {

    private static final Logger log = LoggerFactory.getLogger(PlainTextResealing.class);
    private static final int PROGRESS_EVERY = 100_000;
    /** Axon's table and columns, as the engine is built (default schema). */
    private static final EventSchema EVENTS = EventSchema.builder().build();

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final JacksonSerializer eventSerializer;
    private final TextSealer sealer;
    private final AuditRecords chain;
    private final CaseKeyStore keyStore;
    private final boolean sqlite;

    /** What one run did. */
    record Outcome(long events, long sealed, long dropped, long firstPosition, long lastPosition) {

        static final Outcome NOTHING = new Outcome(0, 0, 0, 0, 0);
    }

    private record Rewrite(long position, String payload) {
    }

    public PlainTextResealing(DataSource dataSource, JacksonSerializer eventSerializer, TextSealer sealer,
                              AuditRecords chain, CaseKeyStore keyStore, boolean sqlite) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.eventSerializer = eventSerializer;
        this.json = eventSerializer.getObjectMapper();
        this.sealer = sealer;
        this.chain = chain;
        this.keyStore = keyStore;
        this.sqlite = sqlite;
    }

    /** Seals what is still in clear, unless a run already did; completes a run interrupted before the chain was told. */
    public void run() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS text_resealing (id INTEGER PRIMARY KEY, resealed_at TEXT NOT NULL, "
                     + "events_rewritten BIGINT NOT NULL, texts_sealed BIGINT NOT NULL, texts_dropped BIGINT NOT NULL, "
                     + "first_position BIGINT NOT NULL, last_position BIGINT NOT NULL, chain_head_position BIGINT, "
                     + "chain_head_hash TEXT, links_forgotten INTEGER NOT NULL)");
        Outcome outcome = new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute(status -> {
            if (!sqlite) {
                jdbc.execute("LOCK TABLE text_resealing IN EXCLUSIVE MODE"); // two nodes starting at once: one rewrites
            }
            if (jdbc.queryForObject("SELECT count(*) FROM text_resealing", Long.class) > 0) {
                return null;
            }
            Outcome done = reseal();
            Optional<AuditRecords.Link> head = chain.last();
            jdbc.update("INSERT INTO text_resealing VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Instant.now().toString(),
                        done.events(), done.sealed(), done.dropped(), done.firstPosition(), done.lastPosition(),
                        head.map(AuditRecords.Link::position).orElse(null), head.map(AuditRecords.Link::hash).orElse(null),
                        done.events() == 0 ? 1 : 0);
            return done;
        });
        if (outcome != null && outcome.events() > 0) {
            log.info("texts stored in clear by an earlier version sealed: events={} sealed={} dropped={} positions={}..{}",
                     outcome.events(), outcome.sealed(), outcome.dropped(), outcome.firstPosition(), outcome.lastPosition());
            removeEarlierCopies();
        }
        forgetRewrittenLinks();
    }

    private Outcome reseal() {
        Map<String, String> caseOf = new HashMap<>(); // aggregate (case or referral) to its case
        List<Rewrite> rewrites = new ArrayList<>();
        long[] counts = new long[3]; // events read, texts sealed, texts dropped
        jdbc.query("SELECT " + String.join(", ", EVENTS.globalIndexColumn(), EVENTS.aggregateIdentifierColumn(),
                                           EVENTS.payloadTypeColumn(), EVENTS.payloadRevisionColumn(), EVENTS.payloadColumn())
                   + " FROM " + EVENTS.domainEventTable() + " ORDER BY " + EVENTS.globalIndexColumn(), row -> {
            long position = row.getLong(1);
            String aggregate = row.getString(2);
            String rewritten = rewrite(row.getString(3), row.getString(4), row.getString(5), aggregate, caseOf, counts);
            if (rewritten != null) {
                rewrites.add(new Rewrite(position, rewritten));
            }
            if (++counts[0] % PROGRESS_EVERY == 0) {
                log.info("looking for texts stored in clear: {} events read, {} to rewrite", counts[0], rewrites.size());
            }
        });
        if (rewrites.isEmpty()) {
            return Outcome.NOTHING;
        }
        jdbc.batchUpdate("UPDATE " + EVENTS.domainEventTable() + " SET " + EVENTS.payloadColumn() + " = ? WHERE "
                         + EVENTS.globalIndexColumn() + " = ?",
                         rewrites.stream().map(r -> new Object[] {r.payload(), r.position()}).toList());
        return new Outcome(rewrites.size(), counts[1], counts[2], rewrites.get(0).position(),
                           rewrites.get(rewrites.size() - 1).position());
    }

    /** The payload with its clear texts sealed, or null when it has none. */
    private String rewrite(String type, String revision, String payload, String aggregate, Map<String, String> caseOf,
                           long[] counts) {
        Class<?> eventClass = eventSerializer.classForType(new SimpleSerializedType(type, revision));
        if (UnknownSerializedType.class.equals(eventClass)) {
            return null;
        }
        try {
            JsonNode stored = json.readTree(payload);
            if (stored.path("caseId").isTextual()) {
                caseOf.put(aggregate, stored.get("caseId").asText());
            }
            // the event as this version reads it: where the stored JSON has a string, it shows a PLAIN SealedText
            JsonNode read = json.valueToTree(json.treeToValue(stored, eventClass));
            boolean changed = sealClearTexts(stored, read, caseOf.get(aggregate), counts);
            return changed ? json.writeValueAsString(stored) : null;
        } catch (IOException e) {
            throw new IllegalStateException("event of type " + type + " could not be read to seal its texts", e);
        }
    }

    /** Replaces, in {@code stored}, each string that {@code read} shows as a PLAIN text; answers whether one was. */
    private boolean sealClearTexts(JsonNode stored, JsonNode read, String caseId, long[] counts) {
        boolean changed = false;
        if (stored instanceof ObjectNode object) {
            for (String name : object.properties().stream().map(Map.Entry::getKey).toList()) { // a copy: set() replaces while we go
                changed |= sealClearText(object.get(name), read.path(name), sealed -> object.set(name, sealed), caseId, counts);
            }
        } else if (stored instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int at = i;
                changed |= sealClearText(array.get(i), read.path(i), sealed -> array.set(at, sealed), caseId, counts);
            }
        }
        return changed;
    }

    private boolean sealClearText(JsonNode stored, JsonNode read, Consumer<JsonNode> replace, String caseId, long[] counts) {
        if (isClearText(stored, read)) {
            replace.accept(sealed(caseId, read.get("ciphertext").asText(), counts));
            return true;
        }
        return sealClearTexts(stored, read, caseId, counts);
    }

    private static boolean isClearText(JsonNode stored, JsonNode read) {
        return stored.isTextual() && read.isObject() && SealedText.PLAIN.equals(read.path("algorithm").asText(null));
    }

    /** Sealed under the case's key; nothing when the case is erased (its texts are not kept) or unknown. */
    private JsonNode sealed(String caseId, String text, long[] counts) {
        SealedText sealed = caseId == null ? null : sealer.sealText(caseId, text);
        counts[sealed == null ? 2 : 1]++;
        return sealed == null ? NullNode.instance : json.valueToTree(sealed);
    }

    /**
     * The rows' earlier versions: SQLite's {@code secure_delete} zeroes them in the pages, and a checkpoint empties its
     * write-ahead log; PostgreSQL keeps them as dead rows until the table is rewritten.
     */
    private void removeEarlierCopies() {
        if (sqlite) {
            if (!keyStore.forgetDeleted()) {
                log.warn("the write-ahead log could not be emptied now; SQLite empties it at the next checkpoint");
            }
        } else {
            jdbc.execute("VACUUM FULL " + EVENTS.domainEventTable());
        }
    }

    /** The chain's links from the first rewritten event on, computed again by the chainer from the store as it is. */
    private void forgetRewrittenLinks() {
        jdbc.query("SELECT first_position FROM text_resealing WHERE links_forgotten = 0", row -> {
            long first = row.getLong(1);
            chain.forgetFrom(first);
            log.info("audit chain: links from position {} on are computed again over the sealed texts (README, Data protection)", first);
        });
        jdbc.update("UPDATE text_resealing SET links_forgotten = 1 WHERE links_forgotten = 0");
    }
}
