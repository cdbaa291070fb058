package org.referrals.infra.web;

/**
 * Whether a failure comes from a database that cannot be reached (MongoDB, or the event store's JDBC connection),
 * found anywhere in its chain of causes: such a request answers 503, not 500, and is worth retrying. Nothing was
 * written by it: an event store that cannot run a statement commits nothing.
 */
final class DependencyOutage {

    private DependencyOutage() {
    }

    static boolean causedBy(Throwable failure) {
        return outage(failure) != null;
    }

    /** The outage's exception type (never a message: it may quote a request). */
    static String describe(Throwable failure) {
        Throwable outage = outage(failure);
        return outage == null ? "none" : outage.getClass().getSimpleName();
    }

    private static Throwable outage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof com.mongodb.MongoTimeoutException || cause instanceof com.mongodb.MongoSocketException
                    || cause instanceof com.mongodb.MongoServerUnavailableException
                    || cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof java.net.ConnectException
                    || cause instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                    || cause instanceof org.springframework.dao.DataAccessResourceFailureException
                    // Axon's event store could not run its statement: after a lost connection the pool's next
                    // answer is a bare "connection is closed"
                    || cause instanceof org.axonframework.common.jdbc.JdbcException
                    // SQLSTATE class 08: connection exception (a connection refused, lost or closed)
                    || cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return cause;
            }
        }
        return null;
    }
}
