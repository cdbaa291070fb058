package org.referrals.infra.mongo;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** {@code mongo} in /actuator/health: UP when the MongoDB (embedded or external) answers a ping. */
@Component("mongo")
public class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;

    public MongoHealthIndicator(MongoClient client) {
        super("MongoDB health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        client.getDatabase("admin").runCommand(new Document("ping", 1));
        builder.up();
    }
}
