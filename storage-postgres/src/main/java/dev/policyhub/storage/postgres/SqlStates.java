package dev.policyhub.storage.postgres;

import java.sql.SQLException;

/** What a failed statement's SQLSTATE says, looked up anywhere in the chain of causes. */
final class SqlStates {
    /** {@code unique_violation}. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** {@code serialization_failure}: a serializable transaction lost a race and must run again. */
    private static final String SERIALIZATION_FAILURE = "40001";
    /** {@code deadlock_detected}: PostgreSQL ended one of two transactions waiting for each other. */
    private static final String DEADLOCK_DETECTED = "40P01";

    private SqlStates() {
    }

    /** True if the failure is a unique key violation. */
    static boolean isUniqueViolation(Throwable failure) {
        return UNIQUE_VIOLATION.equals(sqlState(failure));
    }

    /** True if the failure only means that a concurrent transaction won, so that running the unit again may succeed. */
    static boolean isConcurrencyFailure(Throwable failure) {
        String state = sqlState(failure);
        return SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state);
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
