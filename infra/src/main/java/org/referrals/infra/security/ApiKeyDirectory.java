package org.referrals.infra.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.referrals.api.apikey.ApiKeyIssued;
import org.referrals.api.apikey.ApiKeyRotated;
import org.referrals.api.common.Role;
import org.referrals.query.common.Projections;
import org.referrals.query.timeline.ActorLabels;
import org.springframework.stereotype.Component;

/**
 * Lookup table {@code api_keys} in MongoDB (key id, role, partner, salt, hash, revoked), rebuilt from the API key
 * events by {@link ApiKeyProjection}; it never holds a secret. Writes are idempotent by event sequence.
 */
@Component
public class ApiKeyDirectory implements ActorLabels {

    static final String COLLECTION = "api_keys";

    /** A key as the authentication needs it. */
    public record KeyRecord(String keyId, Role role, String partnerId, String salt, String hash, boolean revoked) {
    }

    private final MongoCollection<Document> keys;

    public ApiKeyDirectory(MongoDatabase mongoDatabase) {
        this.keys = mongoDatabase.getCollection(COLLECTION);
    }

    public Optional<KeyRecord> find(String keyId) {
        Document d = keys.find(Filters.eq("_id", keyId)).first();
        if (d == null) {
            return Optional.empty();
        }
        String role = d.getString("role"); // none on a tombstone left by an immediate revocation
        return Optional.of(new KeyRecord(keyId, role == null ? null : Role.valueOf(role), d.getString("partnerId"),
                                         d.getString("salt"), d.getString("hash"), d.getBoolean("revoked", false)));
    }

    /** The labels of these keys (timelines name who acted); keys without one are left out. */
    @Override
    public Map<String, String> of(Collection<String> keyIds) {
        Map<String, String> labels = new HashMap<>();
        if (!keyIds.isEmpty()) {
            keys.find(Filters.in("_id", keyIds)).forEach(d -> {
                if (d.getString("label") != null) {
                    labels.put(d.getString("_id"), d.getString("label"));
                }
            });
        }
        return labels;
    }

    void issued(ApiKeyIssued event, long sequence, Instant at) {
        Projections.create(keys, new Document("_id", event.keyId())
                .append("role", event.role().name())
                .append("partnerId", event.partnerId())
                .append("label", event.label())
                .append("salt", event.salt())
                .append("hash", event.hash())
                .append("revoked", false), sequence, at);
    }

    void rotated(ApiKeyRotated event, long sequence, Instant at) {
        Projections.update(keys, event.keyId(), sequence, at, Updates.set("salt", event.salt()),
                           Updates.set("hash", event.hash()), Updates.set("revoked", false));
    }

    void revoked(String keyId, long sequence, Instant at) {
        Projections.update(keys, keyId, sequence, at, Updates.set("revoked", true));
    }

    /** Marks a key revoked at once, ahead of the projection (which applies the event again, harmlessly). */
    /**
     * Marks the key revoked at once. When the projection has not written the key yet (revoked right after issue),
     * this leaves a tombstone that the later {@code ApiKeyIssued} does not overwrite (the projection only inserts).
     */
    void revokedNow(String keyId) {
        keys.updateOne(Filters.eq("_id", keyId), Updates.set("revoked", true), new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    void clear() {
        keys.drop();
    }
}
