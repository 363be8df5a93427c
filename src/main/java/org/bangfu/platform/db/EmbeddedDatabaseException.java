package org.bangfu.platform.db;

/**
 * The embedded database cannot start for a reason the user can fix; the message is one sentence
 * saying what to do, printed without a stack trace ({@link EmbeddedDatabaseFailureAnalyzer}).
 */
public class EmbeddedDatabaseException extends IllegalStateException {

	public EmbeddedDatabaseException(String message) {
		super(message);
	}

	public EmbeddedDatabaseException(String message, Throwable cause) {
		super(message, cause);
	}

}
