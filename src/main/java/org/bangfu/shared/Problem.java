package org.bangfu.shared;

/** The kinds of failure a user can be told about, each with its HTTP status. */
public enum Problem {

	BAD_INPUT(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), TOO_LARGE(413), BUSY(503);

	private final int status;

	Problem(int status) {
		this.status = status;
	}

	public int status() {
		return status;
	}

}
