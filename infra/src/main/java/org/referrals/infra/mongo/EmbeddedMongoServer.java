package org.referrals.infra.mongo;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * The in-process MongoDB-wire server of the embedded default (mongo-java-server with its H2 file backend), bound
 * to the loopback interface only.
 * <p>
 * Its backend writes to disk about once a second, so a crash loses its last second of writes: it may only hold
 * what a replay of the event store rebuilds (projections, tracking tokens, sagas, dead letters). Its query
 * planner is improved for filters by {@code _id} ({@link IdFirstH2Backend}).
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final IdFirstH2Backend backend;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MongoServer server, IdFirstH2Backend backend, InetSocketAddress address) {
        this.server = server;
        this.backend = backend;
        this.address = address;
    }

    /** @param port 0 for a free port */
    public static EmbeddedMongoServer start(Path file, int port) {
        IdFirstH2Backend backend = new IdFirstH2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new EmbeddedMongoServer(server, backend, server.getLocalAddress());
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    /** Saves every write so far to the file now (the backend otherwise saves about once a second). */
    public void persist() {
        backend.persist();
    }

    /** Empty while the store's file reads and writes; else what went wrong ({@link IdFirstH2Backend#damage()}). */
    public java.util.Optional<String> damage() {
        return backend.damage();
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
