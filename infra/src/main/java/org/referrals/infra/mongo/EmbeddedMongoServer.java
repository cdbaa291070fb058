package org.referrals.infra.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/**
 * The in-process MongoDB-wire server of the embedded default: mongo-java-server with its stock in-memory backend,
 * bound to the loopback interface only. It holds nothing that cannot be rebuilt (projections, tracking tokens,
 * dead letters, lookup tables): it starts empty and the projections rebuild it from the event store at every start
 * (DESIGN §2), so a crash can never leave a read model ahead of, behind or torn against its events.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** @param port 0 for a free port */
    public static EmbeddedMongoServer start(int port) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        return new EmbeddedMongoServer(server, server.getLocalAddress());
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
