package org.bangfu.platform;

/**
 * The application cannot start for a reason the operator can fix (a setting, a file): the
 * message says what is wrong and the action what to do; both are printed without a stack trace
 * ({@link StartupProblemFailureAnalyzer}).
 */
public class StartupProblem extends IllegalStateException {

	private final String action;

	public StartupProblem(String message, String action) {
		super(message);
		this.action = action;
	}

	public String action() {
		return action;
	}

}
