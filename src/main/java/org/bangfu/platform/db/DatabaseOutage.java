package org.bangfu.platform.db;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database went away (the connection broke, none could be had, the
 * server shut down) rather than that the work itself is wrong: such a job is run again.
 */
public final class DatabaseOutage {

	private DatabaseOutage() {
	}

	public static boolean causedBy(Throwable failure) {
		return causedBy(failure, 0);
	}

	private static boolean causedBy(Throwable t, int depth) {
		if (t == null || depth > 20) {
			return false;
		}
		if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
				|| t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
				|| t instanceof SQLNonTransientConnectionException || t instanceof ConnectException) {
			return true;
		}
		// SQL state class 08: connection exception; 57P01-57P03: the server is shutting down or starting
		if (t instanceof SQLException sql && sql.getSQLState() != null
				&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
			return true;
		}
		// a rollback or commit that failed on the connection hides what the work ran into
		if (t instanceof TransactionSystemException tx
				&& (tx.getCause() instanceof SQLException || causedBy(tx.getApplicationException(), depth + 1))) {
			return true;
		}
		for (Throwable suppressed : t.getSuppressed()) {
			if (causedBy(suppressed, depth + 1)) {
				return true;
			}
		}
		return causedBy(t.getCause(), depth + 1);
	}

}
