package org.referrals.infra.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.AbstractEventTableFactory;

/**
 * Axon's event tables with payload and metadata as text columns, so that the stored JSON can be read with any SQL
 * client (the engine is built with {@code dataType(String.class)} to match).
 */
public final class JsonEventTableFactory extends AbstractEventTableFactory {

    /**
     * SQLite: the global index is the table's {@code INTEGER} primary key, an alias of the row id, which SQLite
     * assigns (one more than the largest) when Axon's insert leaves it out.
     */
    public static final JsonEventTableFactory SQLITE = new JsonEventTableFactory("INTEGER", "TEXT");
    public static final JsonEventTableFactory POSTGRES = new JsonEventTableFactory("BIGSERIAL", "TEXT");

    private final String idColumnType;
    private final String payloadType;

    private JsonEventTableFactory(String idColumnType, String payloadType) {
        this.idColumnType = idColumnType;
        this.payloadType = payloadType;
    }

    @Override
    protected String idColumnType() {
        return idColumnType;
    }

    @Override
    protected String payloadType() {
        return payloadType;
    }
}
