package org.referrals.infra.mongo;

import com.mongodb.client.MongoClient;
import java.util.Optional;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code mongo} in /actuator/health: UP when the MongoDB (embedded or external) answers a ping and, for the embedded
 * server, its store file has given no error. A damaged file answers pings but not every read, so it is DOWN with
 * what to do: the read model holds nothing a replay of the event store does not rebuild.
 */
@Component("mongo")
public class MongoHealthIndicator extends AbstractHealthIndicator {

    static final String REBUILD = "stop the application, delete mongo.mv.db in its data directory and start it again: "
            + "every projection is rebuilt from the event store (README.md)";

    private final MongoClient client;
    private final ObjectProvider<EmbeddedMongoServer> embedded;

    public MongoHealthIndicator(MongoClient client, ObjectProvider<EmbeddedMongoServer> embedded) {
        super("MongoDB health check failed");
        this.client = client;
        this.embedded = embedded;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Optional<String> damage = Optional.ofNullable(embedded.getIfAvailable()).flatMap(EmbeddedMongoServer::damage);
        if (damage.isPresent()) {
            builder.down().withDetail("store", "damaged: " + damage.get()).withDetail("action", REBUILD);
            return;
        }
        client.getDatabase("admin").runCommand(new Document("ping", 1));
        builder.up();
    }
}
