package org.referrals.infra.readmodels;

import com.mongodb.client.model.Filters;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.referrals.query.admin.StoredTokens;

/**
 * Reads the tokens of {@code MongoTokenStore} without claiming them (its own {@code fetchToken} claims, which would
 * take a segment from the node processing it). The fields are that store's document: {@code processorName},
 * {@code segment}, {@code token} (bytes, the default content type) and {@code tokenType}.
 */
final class MongoStoredTokens implements StoredTokens {

    private final MongoTemplate template;
    private final Serializer serializer;

    MongoStoredTokens(MongoTemplate template, Serializer serializer) {
        this.template = template;
        this.serializer = serializer;
    }

    @Override
    public Map<Integer, TrackingToken> of(String processorName) {
        Map<Integer, TrackingToken> tokens = new HashMap<>();
        for (Document entry : template.trackingTokensCollection().find(Filters.eq("processorName", processorName))
                                      .projection(new Document("segment", 1).append("token", 1).append("tokenType", 1))) {
            Binary token = entry.get("token", Binary.class);
            tokens.put(entry.getInteger("segment"), token == null ? null
                    : new GenericTokenEntry<>(token.getData(), entry.getString("tokenType"), null, null, processorName,
                                              entry.getInteger("segment"), byte[].class).getToken(serializer));
        }
        return tokens;
    }
}
